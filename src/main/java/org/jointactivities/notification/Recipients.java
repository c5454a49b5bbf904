package org.jointactivities.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jointactivities.identity.AsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * E-mail addresses of users and of the members of groups, from Camunda's identity service. An
 * address that is malformed is kept: its delivery fails visibly to operators (NotificationOperations).
 */
@Component
class Recipients {

  private static final Logger LOG = LoggerFactory.getLogger(Recipients.class);

  private final IdentityService identity;
  private final AsSystem asSystem;

  Recipients(IdentityService identity, AsSystem asSystem) {
    this.identity = identity;
    this.asSystem = asSystem;
  }

  List<String> of(Collection<String> userIds, Collection<String> groupIds) {
    Set<String> addresses = new LinkedHashSet<>();
    asSystem.run(() -> {
      List<User> users = new ArrayList<>();
      if (!userIds.isEmpty()) {
        users.addAll(identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list());
      }
      for (String group : groupIds) {
        users.addAll(identity.createUserQuery().memberOfGroup(group).list());
      }
      for (User user : users) {
        String email = user.getEmail() == null ? "" : user.getEmail().strip();
        if (email.isEmpty()) {
          LOG.warn("User {} has no e-mail address and is not notified", user.getId());
        } else if (email.length() > Notification.RECIPIENT_LENGTH) {
          // no mail server takes it (RFC 5321: 254 at most), and it would not fit the outbox
          LOG.warn("User {} has an e-mail address of {} characters and is not notified", user.getId(), email.length());
        } else {
          addresses.add(email);
        }
      }
    });
    return List.copyOf(addresses);
  }
}
