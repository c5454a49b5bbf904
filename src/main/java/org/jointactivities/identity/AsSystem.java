package org.jointactivities.identity;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls without the caller's authorization and tenant checks, for steps our own rules have
 * already allowed (e.g. a proposer withdrawing their proposal) and for reading identities.
 * Joins the current engine transaction when there is one.
 */
@Component
public class AsSystem {

  private final ProcessEngineConfigurationImpl engineConfiguration;

  public AsSystem(ProcessEngineConfiguration engineConfiguration) {
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
  }

  public <T> T call(Callable<T> work) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
      // the tenant check is the party check (party/PartyTenants): lifted with the authorization checks
      boolean tenantCheck = commandContext.isTenantCheckEnabled();
      commandContext.disableTenantCheck();
      try {
        return commandContext.runWithoutAuthorization(work);
      } finally {
        if (tenantCheck) {
          commandContext.enableTenantCheck();
        }
      }
    });
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
