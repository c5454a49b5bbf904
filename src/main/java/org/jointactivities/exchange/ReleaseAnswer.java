package org.jointactivities.exchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Releases the (cleared, where clearance is needed) answer to its recipients: from now on they may read it. */
@Component("releaseAnswer")
class ReleaseAnswer implements JavaDelegate {

  private final InformationRequests requests;

  ReleaseAnswer(InformationRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.release(requests.get(ExchangeTasks.requestId(execution)));
  }
}
