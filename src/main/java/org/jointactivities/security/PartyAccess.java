package org.jointactivities.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.identity.AsSystem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Managers see in Cockpit the activities their agency is party to, and no others: each process
 * instance and each task of an activity is granted for reading to the manager groups of its two
 * agencies, when it starts. The engine deletes these grants with the instance or task.
 */
@Component("partyAccess")
public class PartyAccess implements ExecutionListener {

  private final AuthorizationService authorizations;
  private final AgencyDirectory agencies;
  private final AsSystem asSystem;

  public PartyAccess(AuthorizationService authorizations, AgencyDirectory agencies, AsSystem asSystem) {
    this.authorizations = authorizations;
    this.agencies = agencies;
    this.asSystem = asSystem;
  }

  /** For a process instance whose parties are known: the proposal once registered, a sign-off at its start. */
  public void grantInstance(String processInstanceId, String leadAgency, String partnerAgency) {
    grant(Resources.PROCESS_INSTANCE, processInstanceId, leadAgency, partnerAgency);
  }

  /** As the start listener of a process that receives {@code leadAgency} and {@code partnerAgency}. */
  @Override
  public void notify(DelegateExecution execution) {
    grantInstance(execution.getProcessInstanceId(), (String) execution.getVariable("leadAgency"),
        (String) execution.getVariable("partnerAgency"));
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  void taskCreated(DelegateTask task) {
    Object lead = task.getVariable("leadAgency");
    Object partner = task.getVariable("partnerAgency");
    if (lead != null && partner != null) {
      grant(Resources.TASK, task.getId(), lead.toString(), partner.toString());
    }
  }

  private void grant(Resource resource, String resourceId, String leadAgency, String partnerAgency) {
    asSystem.run(() -> {
      for (String agency : List.of(leadAgency, partnerAgency)) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(agencies.groupId(agency, Role.MANAGER));
        read.setResource(resource);
        read.setResourceId(resourceId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    });
  }
}
