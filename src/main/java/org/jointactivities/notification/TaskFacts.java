package org.jointactivities.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jointactivities.agency.AgencyDirectory;

/** What an e-mail about a task says: which activity, what is asked, by when, and the link. */
record TaskFacts(String taskId, String taskName, String taskKey, Date due, String reference, String title, String agency) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH);

  /** Which variable names the agency a task is for, by task. */
  static String agencyVariable(String taskKey) {
    return switch (taskKey) {
      case "Task_ReviewProposal", "Task_ReviewProgressReport", "Task_ReviewAmendment" -> "reviewAgency";
      case "Task_SignActivity" -> "signingAgency";
      default -> "leadAgency";
    };
  }

  static TaskFacts of(String taskId, String taskName, String taskKey, Date due, String reference,
      Function<String, Object> variables) {
    return new TaskFacts(taskId, taskName, taskKey, due, reference, (String) variables.apply("title"),
        (String) variables.apply(agencyVariable(taskKey)));
  }

  Map<String, Object> model(MailTemplates templates, NotificationProperties properties, AgencyDirectory agencies,
      ZoneId zone) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", reference);
    model.put("title", title);
    model.put("taskName", taskName);
    String agencyName = agency == null ? "" : agencies.find(agency).map(a -> a.code() + " (" + a.name() + ")").orElse(agency);
    model.put("agency", agencyName);
    model.put("ask", templates.message("ask." + taskKey, agencyName));
    model.put("due", due == null ? null : DAY.format(due.toInstant().atZone(zone)));
    model.put("link", properties.taskLink(taskId));
    return model;
  }
}
