package org.jointactivities.notification;

/** A written e-mail: subject, plain-text part and HTML part. */
public record RenderedMail(String subject, String text, String html) {}
