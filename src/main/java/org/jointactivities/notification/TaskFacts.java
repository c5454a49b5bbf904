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
record TaskFacts(String taskId, String taskName, String askKey, Date due, String reference, String title, String agency) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH);

  /** @param agencyVariable the variable naming the agency the task waits on, as its model declares (TaskCatalog) */
  static TaskFacts of(String taskId, String taskName, String taskKey, Date due, String reference, String agencyVariable,
      Function<String, Object> variables) {
    // a joint review's one task asks what its subject needs: ask.Task_ReviewSubject.proposal
    Object subject = variables.apply("reviewSubject");
    String askKey = "ask." + taskKey + (subject == null ? "" : "." + subject);
    return new TaskFacts(taskId, taskName, askKey, due, reference, (String) variables.apply("title"),
        agencyVariable == null ? null : (String) variables.apply(agencyVariable));
  }

  Map<String, Object> model(MailTemplates templates, NotificationProperties properties, AgencyDirectory agencies,
      ZoneId zone) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", reference);
    model.put("title", title);
    model.put("taskName", taskName);
    String agencyName = agency == null ? "" : agencies.find(agency).map(a -> a.code() + " (" + a.name() + ")").orElse(agency);
    model.put("agency", agencyName);
    model.put("ask", templates.message(askKey, agencyName));
    model.put("due", due == null ? null : DAY.format(due.toInstant().atZone(zone)));
    model.put("link", properties.taskLink(taskId));
    return model;
  }
}
