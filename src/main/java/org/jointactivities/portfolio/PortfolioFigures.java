package org.jointactivities.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.CurrencyProperties;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.signoff.Signature;
import org.jointactivities.signoff.SignatureRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio in figures, for the activities a user may see: counts by state, agency, theme and
 * country; overdue tasks and who holds them; time from submission to each agency's signature; budgets
 * in USD by agency and by theme.
 */
@Service
public class PortfolioFigures {

  private final JointActivityRepository activities;
  private final SignatureRepository signatures;
  private final CurrencyProperties currencies;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final IdentityLookup identity;

  PortfolioFigures(JointActivityRepository activities, SignatureRepository signatures, CurrencyProperties currencies,
      TaskService tasks, RuntimeService runtime, AsSystem asSystem, IdentityLookup identity) {
    this.identity = identity;
    this.activities = activities;
    this.signatures = signatures;
    this.currencies = currencies;
    this.tasks = tasks;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  public record Figures(long activities, Map<String, Long> byState, Map<String, Long> byAgency,
      Map<String, Long> byTheme, Map<String, Long> byCountry, Map<String, SignatureTimes> submissionToSignature,
      Map<String, BigDecimal> budgetUsdByAgency, Map<String, BigDecimal> budgetUsdByTheme, List<OverdueTask> overdueTasks) {}

  /** Days from submission to the agency's own signature, over the signed activities it is party to. */
  public record SignatureTimes(int signed, double medianDays, double slowestDays, String slowestReference) {}

  public record OverdueTask(String reference, String title, String task, String holder, Instant due, double daysOverdue) {}

  @Transactional(readOnly = true)
  public Figures of(ActivityFilter filter, Set<String> visibleAgencies) {
    List<JointActivity> all = activities.findAll(filter.within(visibleAgencies));
    return new Figures(all.size(),
        count(all, a -> List.of(a.getState().name())),
        count(all, JointActivity::agencies),
        count(all, a -> a.getThematicAreas().stream().map(Enum::name).toList()),
        count(all, a -> List.copyOf(a.getCountries())),
        signatureTimes(all),
        budgetByAgency(all),
        budgetByTheme(all),
        overdueTasks(all));
  }

  private static Map<String, Long> count(List<JointActivity> all, Function<JointActivity, List<String>> keys) {
    return all.stream().flatMap(a -> keys.apply(a).stream())
        .collect(Collectors.groupingBy(key -> key, TreeMap::new, Collectors.counting()));
  }

  /**
   * For each agency, the days from submission to its own signature of the proposal, so that a slow
   * agency shows as slow and not as late as its partner. Amendments are signed later in further
   * sign-offs; they would measure something else, so only the proposal's signature counts: the
   * agency's last one up to the moment the activity was signed (a sign-off that ended in a decline
   * may have been repeated).
   */
  private Map<String, SignatureTimes> signatureTimes(List<JointActivity> all) {
    List<JointActivity> signed = all.stream().filter(a -> a.getSignedAt() != null).toList();
    Map<Long, List<Signature>> signaturesByActivity = signaturesOf(signed);
    Map<String, List<Elapsed>> byAgency = new TreeMap<>();
    for (JointActivity a : signed) {
      for (String agency : a.agencies()) {
        signaturesByActivity.getOrDefault(a.getId(), List.of()).stream()
            .filter(s -> s.getAgency().equals(agency) && !s.getSignedAt().isAfter(a.getSignedAt()))
            .map(Signature::getSignedAt)
            .max(Comparator.naturalOrder())
            .ifPresent(at -> byAgency.computeIfAbsent(agency, k -> new ArrayList<>())
                .add(new Elapsed(a.getReference(), days(a.getSubmittedAt(), at))));
      }
    }
    Map<String, SignatureTimes> times = new TreeMap<>();
    byAgency.forEach((agency, elapsed) -> {
      List<Double> days = elapsed.stream().map(Elapsed::days).sorted().toList();
      Elapsed slowest = elapsed.stream().max(Comparator.comparingDouble(Elapsed::days)).orElseThrow();
      times.put(agency, new SignatureTimes(elapsed.size(), round(median(days)), round(slowest.days()),
          slowest.reference()));
    });
    return times;
  }

  private record Elapsed(String reference, double days) {}

  /** In chunks, so that a large portfolio stays within the databases' limits on query parameters. */
  private Map<Long, List<Signature>> signaturesOf(List<JointActivity> activities) {
    List<Long> ids = activities.stream().map(JointActivity::getId).toList();
    Map<Long, List<Signature>> byActivity = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      signatures.findByActivityIdIn(ids.subList(from, Math.min(ids.size(), from + 1000)))
          .forEach(s -> byActivity.computeIfAbsent(s.getActivityId(), k -> new ArrayList<>()).add(s));
    }
    return byActivity;
  }

  private static double days(Instant from, Instant to) {
    return Duration.between(from, to).toMinutes() / (60.0 * 24);
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double round(double days) {
    return Math.round(days * 10) / 10.0;
  }

  /** What each agency contributes, in USD at the configured rates. */
  private Map<String, BigDecimal> budgetByAgency(List<JointActivity> all) {
    Map<String, BigDecimal> budgets = new TreeMap<>();
    for (JointActivity a : all) {
      budgets.merge(a.getLeadAgency(), usd(a.getLeadContribution(), a.getCurrency()), BigDecimal::add);
      budgets.merge(a.getPartnerAgency(), usd(a.getPartnerContribution(), a.getCurrency()), BigDecimal::add);
    }
    return budgets;
  }

  /** An activity's budget split evenly over its themes, so that the themes add up to the portfolio. */
  private Map<String, BigDecimal> budgetByTheme(List<JointActivity> all) {
    Map<String, BigDecimal> budgets = new TreeMap<>();
    for (JointActivity a : all) {
      BigDecimal share = usd(a.getTotalBudget(), a.getCurrency())
          .divide(BigDecimal.valueOf(a.getThematicAreas().size()), 2, RoundingMode.HALF_EVEN);
      a.getThematicAreas().forEach(theme -> budgets.merge(theme.name(), share, BigDecimal::add));
    }
    return budgets;
  }

  private BigDecimal usd(BigDecimal amount, String currency) {
    return currencies.toUsd(amount, currency).setScale(2, RoundingMode.HALF_EVEN);
  }

  private List<OverdueTask> overdueTasks(List<JointActivity> all) {
    Date now = ClockUtil.getCurrentTime();
    Map<String, JointActivity> byReference = all.stream()
        .collect(Collectors.toMap(JointActivity::getReference, a -> a));
    List<Task> overdue = asSystem.call(() -> tasks.createTaskQuery().active().dueBefore(now).orderByDueDate().asc().list());
    if (overdue.isEmpty()) {
      return List.of();
    }
    Map<String, String> businessKeys = asSystem.call(() -> runtime.createProcessInstanceQuery()
            .processInstanceIds(overdue.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list())
        .stream().filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    List<OverdueTask> result = new ArrayList<>();
    for (Task task : overdue) {
      JointActivity activity = byReference.get(businessKeys.get(task.getProcessInstanceId()));
      if (activity != null) {
        result.add(new OverdueTask(activity.getReference(), activity.getTitle(), task.getName(), holder(task),
            task.getDueDate().toInstant(), round(Duration.between(task.getDueDate().toInstant(), now.toInstant()).toMinutes() / (60.0 * 24))));
      }
    }
    return result;
  }

  private String holder(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return identity.candidateGroupsOf(task.getId()).stream().sorted().collect(Collectors.joining(", "));
  }
}
