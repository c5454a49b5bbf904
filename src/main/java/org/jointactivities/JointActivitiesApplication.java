package org.jointactivities;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JointActivitiesApplication {

  public static void main(String[] args) {
    SpringApplication.run(JointActivitiesApplication.class, args);
  }
}
