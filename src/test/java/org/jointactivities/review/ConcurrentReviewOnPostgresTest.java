package org.jointactivities.review;

import org.jointactivities.support.OnPostgres;

/** The same on PostgreSQL, where the two completions can also meet as a deadlock the database breaks. */
@OnPostgres
class ConcurrentReviewOnPostgresTest extends ConcurrentReviewTest {}
