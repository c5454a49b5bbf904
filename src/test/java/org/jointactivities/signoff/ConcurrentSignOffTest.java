package org.jointactivities.signoff;

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
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.BeforeTheActivityStarts;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both agencies sign at the same moment, many times over: neither signer sees an error and each
 * activity is signed exactly once. The sign-off's async continuation after each signature keeps
 * the two completions from touching the same rows; the join runs afterwards as a retried job.
 */
@JointActivitiesTest
@ExtendWith(BeforeTheActivityStarts.class)
class ConcurrentSignOffTest {

  static final int ROUNDS = 30;

  @Autowired Scenario scenario;
  @Autowired SignatureRepository signatures;

  @Test
  void simultaneousSignaturesNeverFailAndSignOnce() throws Exception {
    ExecutorService signers = Executors.newFixedThreadPool(2);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        ProcessInstance proposal = scenario.submitValid();
        scenario.approveBoth(proposal);
        Task unodc = scenario.task(proposal, "Task_SignActivity", "UNODC");
        Task iom = scenario.task(proposal, "Task_SignActivity", "IOM");
        CyclicBarrier bothReady = new CyclicBarrier(2);
        List<Future<?>> signing = List.of(
            signers.submit(() -> signAtOnce(bothReady, "unodc-signatory-pm", unodc, failures)),
            signers.submit(() -> signAtOnce(bothReady, "iom-signatory-pm", iom, failures)));
        for (Future<?> signature : signing) {
          signature.get(30, TimeUnit.SECONDS);
        }
        scenario.runJobs();

        assertThat(failures).as("errors seen by signers in round %d", round).isEmpty();
        assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.SIGNED);
        assertThat(scenario.auditActions(proposal)).filteredOn(AuditAction.ACTIVITY_SIGNED::equals).hasSize(1);
        assertThat(signatures.findByActivityIdOrderByIdAsc(scenario.activity(proposal).getId()))
            .extracting(Signature::getAgency).containsExactlyInAnyOrder("UNODC", "IOM");
        scenario.assertNoOpenTasks(proposal);
      }
    } finally {
      signers.shutdownNow();
    }
  }

  private void signAtOnce(CyclicBarrier bothReady, String signatory, Task task, ConcurrentLinkedQueue<Throwable> failures) {
    try {
      bothReady.await(10, TimeUnit.SECONDS);
      scenario.complete(signatory, task, Map.of("signDecision", "SIGN", "signatureAttested", true));
    } catch (Throwable e) {
      failures.add(e);
    }
  }
}
