package org.jointactivities.deadline;

/** A task passed its due date and is still open; published inside the timer job's transaction. */
public record TaskOverdue(String taskId, String agency) {}
