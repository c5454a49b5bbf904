package benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jointactivities.support.Proposals;

/**
 * One lifecycle, driven over the engine's REST API exactly as Tasklist does it: start, then for each
 * task list it, open it (Tasklist loads the form's variables), claim it and submit its form, until
 * the end. Ours: a proposal through both agencies' reviews and signatures until the activity is
 * SIGNED. Bare: the same shape without our rules.
 */
interface Lifecycles {

  /** Runs one lifecycle to its end, timing each call into the recorder. */
  void run(RestClient client, Recorder recorder) throws Exception;

  /** Ours, as the demo users. */
  Lifecycles OURS = (client, recorder) -> {
    JsonNode started = recorder.time("start", () -> client.post("unodc-officer",
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form", Map.of("variables", Proposals.overRest())));
    String reference = started.get("businessKey").asText();
    long completed = 0;
    for (String reviewer : List.of("unodc-reviewer", "iom-reviewer")) {
      completed = work(client, recorder, reviewer, reference, "Task_ReviewSubject", completed,
          Map.of("reviewDecision", Map.of("value", "APPROVE")));
    }
    for (String signatory : List.of("unodc-signatory-pm", "iom-signatory-pm")) {
      completed = work(client, recorder, signatory, reference, "Task_SignActivity", completed,
          Map.of("signDecision", Map.of("value", "SIGN"), "signatureAttested", Map.of("value", true)));
    }
    // waits as bare does (a history count), not by reading the activity's record, which costs ten
    // times the statements a poll and would count the wait rather than the work; the proposal ends
    // in the transaction that records the signature, and the record is read once to check it
    recorder.until("completion to end", completed, () -> finished(client, "admin", "JointActivityProposal", reference));
    String state = client.get("admin", "/api/activities/" + reference).get("activity").get("state").asText();
    if (!state.equals("SIGNED")) {
      throw new IllegalStateException(reference + " ended " + state + ", not SIGNED");
    }
  };

  /** Bare Camunda, as the benchmark's users of group bench. */
  Lifecycles BARE = (client, recorder) -> {
    String businessKey = UUID.randomUUID().toString();
    recorder.time("start", () -> client.post("officer", "/engine-rest/process-definition/key/BareLifecycle/start",
        Map.of("businessKey", businessKey)));
    long completed = 0;
    for (String reviewer : List.of("reviewer1", "reviewer2")) {
      completed = work(client, recorder, reviewer, businessKey, "Task_Review", completed, Map.of());
    }
    for (String signer : List.of("signer1", "signer2")) {
      completed = work(client, recorder, signer, businessKey, "Task_Sign", completed, Map.of());
    }
    recorder.until("completion to end", completed, () -> finished(client, "officer", "BareLifecycle", businessKey));
  };

  private static boolean finished(RestClient client, String user, String processKey, String businessKey) throws Exception {
    return client.get(user, "/engine-rest/history/process-instance/count?finished=true&processDefinitionKey=" + processKey
        + "&processInstanceBusinessKey=" + businessKey).get("count").asInt() == 1;
  }

  /**
   * One person's step: waits until a task of the step is there for them (timed from the previous
   * completion), lists, opens, claims and completes it; answers when the completion came back.
   */
  private static long work(RestClient client, Recorder recorder, String user, String businessKey, String taskKey,
      long previousCompletion, Map<String, Object> variables) throws Exception {
    String query = "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey
        + "&candidateUser=" + user + "&unassigned=true";
    if (previousCompletion > 0) {
      recorder.until("completion to next task", previousCompletion, () -> client.get(user, query).size() > 0);
    }
    JsonNode tasks = recorder.time("list", () -> client.get(user, query));
    String task = tasks.get(0).get("id").asText();
    // what Tasklist asks when a task is opened: the values its form shows
    recorder.time("open", () -> client.get(user, "/engine-rest/task/" + task + "/form-variables"));
    recorder.time("claim", () -> client.post(user, "/engine-rest/task/" + task + "/claim", Map.of("userId", user)));
    recorder.time("complete", () -> client.post(user, "/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", variables)));
    return System.nanoTime();
  }
}
