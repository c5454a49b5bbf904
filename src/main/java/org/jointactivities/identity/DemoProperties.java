package org.jointactivities.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The demo setup: on by default for the embedded run, off in production. */
@ConfigurationProperties("joint-activities.demo")
public record DemoProperties(boolean enabled, String password) {}
