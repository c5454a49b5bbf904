package org.jointactivities.amendment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.support.BeforeTheActivityStarts;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Officers of both agencies request an amendment of the same activity at the same moment, many
 * times over: one request is taken, the other is told clearly that one is in progress.
 */
@JointActivitiesTest
@ExtendWith(BeforeTheActivityStarts.class)
class ConcurrentAmendmentTest {

  static final int ROUNDS = 10;

  @Autowired Scenario scenario;
  @Autowired Amendments amendments;

  @Test
  void simultaneousRequestsLeaveExactlyOneOpenAmendment() throws Exception {
    ExecutorService officers = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        ProcessInstance activity = scenario.signedActivity(Proposals.valid());
        ConcurrentLinkedQueue<Throwable> refusals = new ConcurrentLinkedQueue<>();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> requests = List.of(
            officers.submit(() -> requestAtOnce(together, "unodc-officer", activity, refusals)),
            officers.submit(() -> requestAtOnce(together, "iom-officer", activity, refusals)));
        for (Future<?> request : requests) {
          request.get(60, TimeUnit.SECONDS);
        }

        assertThat(amendments.forActivity(scenario.activity(activity).getId())).as("round %d", round).hasSize(1);
        assertThat(refusals).as("round %d", round).singleElement().satisfies(refusal -> {
          assertThat(refusal).isInstanceOf(InvalidInputException.class);
          assertThat(refusal.getMessage()).contains("activityReference: " + activity.getBusinessKey() + " already has")
              .contains("in progress; one amendment at a time");
        });
      }
    } finally {
      officers.shutdownNow();
    }
  }

  private void requestAtOnce(CyclicBarrier together, String officer, ProcessInstance activity,
      ConcurrentLinkedQueue<Throwable> refusals) {
    try {
      together.await(10, TimeUnit.SECONDS);
      scenario.requestAmendment(officer, Map.of("activityReference", activity.getBusinessKey(),
          "newEndDate", "2028-03-31", "justification", "More time, asked by " + officer));
    } catch (Throwable e) {
      refusals.add(e);
    }
  }
}
