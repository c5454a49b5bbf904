package org.jointactivities.notification;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.TestPropertySource;

/**
 * The same on PostgreSQL, which aborts a transaction at its first failed statement: there a
 * notification the database refused would fail the user's work whatever the code caught. Also
 * runs the notification migrations there. Needs JA_TEST_POSTGRES_URL, as ConcurrentSignOffOnPostgresTest.
 */
@EnabledIfEnvironmentVariable(named = "JA_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
@TestPropertySource(properties = {
    "spring.datasource.url=${JA_TEST_POSTGRES_URL}",
    "spring.datasource.username=${JA_TEST_POSTGRES_USER:postgres}",
    "spring.datasource.password=${JA_TEST_POSTGRES_PASSWORD:}",
    "joint-activities.mail-sink.port=0",
    "camunda.bpm.process-engine-name=postgres-test"
})
class NotificationGroupOnPostgresTest extends NotificationGroupTest {}
