package org.jointactivities.proposal;

import org.jointactivities.activity.JointActivity;

/** A proposal reached its third (or a later) revision round: the agencies' managers are alerted. */
public record RevisionLoopAlert(JointActivity activity, int revisionRound) {}
