package org.jointactivities.document;

import org.jointactivities.support.OnPostgres;

/** The same on PostgreSQL, the production database: its bytea chunks, generated keys and transactions. */
@OnPostgres
class DocumentsOnPostgresTest extends DocumentsOverHttpTest {}
