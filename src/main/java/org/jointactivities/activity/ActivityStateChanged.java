package org.jointactivities.activity;

/**
 * Published (synchronously, inside the transaction that made it) whenever the registry moves an
 * activity to a state; listeners that record follow-up work commit or roll back with it.
 */
public record ActivityStateChanged(JointActivity activity, AuditAction action, String actor, String comment) {}
