package org.jointactivities.proposal;

import org.jointactivities.support.OnPostgres;

/** The same on PostgreSQL, the production database. */
@OnPostgres
class ConcurrentSubmissionsOnPostgresTest extends ConcurrentSubmissionsTest {}
