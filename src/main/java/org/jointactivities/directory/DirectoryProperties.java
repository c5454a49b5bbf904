package org.jointactivities.directory;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which of the directory's groups make up each of our groups ({@code joint-activities.directory.groups}):
 * our group id (e.g. {@code unodc-officers}, {@code camunda-admin}) to the ids of the directory groups
 * whose members hold it. The directory keeps its own names; several of its groups may make one of ours.
 */
@ConfigurationProperties("joint-activities.directory")
record DirectoryProperties(Map<String, List<String>> groups) {

  DirectoryProperties {
    groups = groups == null ? Map.of() : Map.copyOf(groups);
  }
}
