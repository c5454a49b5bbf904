package org.jointactivities.notification;

import org.jointactivities.support.OnPostgres;

/**
 * The same on PostgreSQL, which aborts a transaction at its first failed statement: there a
 * notification the database refused would fail the user's work whatever the code caught. Also
 * runs the notification migrations there.
 */
@OnPostgres
class NotificationGroupOnPostgresTest extends NotificationGroupTest {}
