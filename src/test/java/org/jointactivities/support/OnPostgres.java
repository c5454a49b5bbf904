package org.jointactivities.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a test class of the shared application against the PostgreSQL server named by
 * JA_TEST_POSTGRES_URL, the production database; {@code .ci/run} starts a private one and sets
 * it. Without it the class does not run. The context sits next to the H2 one, so it gets its own
 * mail port and engine name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(named = "JA_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
@TestPropertySource(properties = {
    "spring.datasource.url=${JA_TEST_POSTGRES_URL}",
    "spring.datasource.username=${JA_TEST_POSTGRES_USER:postgres}",
    "spring.datasource.password=${JA_TEST_POSTGRES_PASSWORD:}",
    "joint-activities.mail-sink.port=0",
    "camunda.bpm.process-engine-name=postgres-test"
})
public @interface OnPostgres {}
