package org.jointactivities.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.exchange.ExchangeAction;
import org.jointactivities.exchange.ExchangeStateChanged;
import org.jointactivities.exchange.InformationRequest;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about information requests, beside the task mails: the requester hears that their request
 * was accepted or declined (with the reason), the answer's recipients that it was released to them,
 * its preparer that receipt was acknowledged. A mail names the request, never what was answered.
 */
@Component
class ExchangeNotifications {

  private final NotificationOutbox outbox;
  private final Recipients recipients;
  private final NotificationProperties properties;
  private final AgencyDirectory agencies;
  private final IdentityLookup identity;

  ExchangeNotifications(NotificationOutbox outbox, Recipients recipients, NotificationProperties properties,
      AgencyDirectory agencies, IdentityLookup identity) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.properties = properties;
    this.agencies = agencies;
    this.identity = identity;
  }

  @EventListener
  void stateChanged(ExchangeStateChanged change) {
    InformationRequest request = change.request();
    List<String> to = switch (change.action()) {
      case ACCEPTED, DECLINED -> List.of(request.getRequester());
      case RELEASED -> new ArrayList<>(change.recipients());
      case ACKNOWLEDGED -> change.preparer() == null ? List.of() : List.of(change.preparer());
      default -> List.of();
    };
    if (to.isEmpty()) {
      return;
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", request.getReference());
    model.put("title", request.getSubject());
    model.put("lead", agencies.get(request.getRequestingAgency()).name() + " (" + request.getRequestingAgency() + ")");
    model.put("partner", agencies.get(request.getProvidingAgency()).name() + " (" + request.getProvidingAgency() + ")");
    model.put("link", properties.tasklistUrl());
    model.put("stateLabel", outbox.templates().message("exchange.state." + request.getState().name()));
    model.put("change", outbox.templates().message("exchange.change." + change.action().name()));
    Map<String, String> by = new LinkedHashMap<>();
    by.put("who", change.actor() == null ? null : identity.nameOf(change.actor()));
    by.put("agency", change.action() == ExchangeAction.ACKNOWLEDGED ? request.getRequestingAgency()
        : request.getProvidingAgency());
    // a decline's reason is the requester's to read; no other step's comment goes into a mail
    by.put("comment", change.action() == ExchangeAction.DECLINED ? change.comment() : null);
    model.put("decisions", change.actor() == null ? List.of() : List.of(by));
    outbox.enqueue(NotificationKind.EXCHANGE_CHANGED, recipients.of(to, List.of()), request.getReference(), null, model);
  }
}
