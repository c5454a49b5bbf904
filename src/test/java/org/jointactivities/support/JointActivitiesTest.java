package org.jointactivities.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The application as it runs (web server on a free port, authorization on, demo users, models
 * from bpmn/ and forms/), on a private in-memory database, with the job executor and the mail senders off so that tests run jobs and send
 * mails when the scenario says so. All tests with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ja-${random.uuid};DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "joint-activities.notifications.delivery.senders=0",
    "joint-activities.mail-sink.port=0",
    "joint-activities.notifications.reminder-scan-interval=P1D",
    "logging.level.root=WARN",
    "logging.level.org.jointactivities.rules=INFO",
    // the engine logs every failing job with its stack trace; RefusalLogFilterTest covers what it drops
    "logging.level.org.camunda.bpm.engine.context=OFF"
})
@Import(Scenario.class)
public @interface JointActivitiesTest {}
