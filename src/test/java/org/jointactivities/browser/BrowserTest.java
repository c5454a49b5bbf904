package org.jointactivities.browser;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import org.jointactivities.support.Scenario;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application as people use it in a browser: web server on a free local port, demo users, its
 * own in-memory database and mail sink (on a free SMTP port),
 * and the job executor running as in production, so that async continuations and e-mails happen
 * on their own.
 *
 * <p>The port is chosen before the application starts (not {@code RANDOM_PORT}) because the e-mails'
 * Tasklist links are built from {@code joint-activities.notifications.tasklist-url}, which is bound
 * before the web server knows its random port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ja-browser-${random.uuid};DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=true",
    "joint-activities.mail-sink.port=0",
    "joint-activities.notifications.reminder-scan-interval=P1D",
    "logging.level.root=WARN",
    "logging.level.org.camunda.bpm.engine.context=OFF",
    // Selenium looks for Chrome DevTools bindings of this chromium's version; the tests use none
    "logging.level.org.openqa.selenium.devtools=ERROR"
})
@ContextConfiguration(initializers = BrowserTest.FreePort.class)
@Import(Scenario.class) // on the annotation, so that every browser test shares one application
public @interface BrowserTest {

  /** Picks a free local port for the web server and points the e-mails' Tasklist links at it. */
  class FreePort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException("No free local port for the browser tests", e);
      }
      TestPropertyValues.of(
          "server.port=" + port,
          "joint-activities.notifications.tasklist-url=http://localhost:" + port + "/camunda/app/tasklist/default/")
          .applyTo(context);
    }
  }
}
