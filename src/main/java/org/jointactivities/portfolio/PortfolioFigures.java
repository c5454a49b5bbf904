package org.jointactivities.portfolio;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hibernate.jpa.HibernateHints;
import org.jointactivities.activity.CurrencyProperties;
import org.jointactivities.activity.InChunks;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.ThematicArea;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.signoff.Signature;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio in figures, for the activities a user may see: counts by state, agency, theme and
 * country; overdue tasks and who holds them; time from submission to each agency's signature; budgets
 * in USD by agency and by theme. Computed in the database, a fixed number of statements whatever the
 * number of activities: counts are grouped there, and what needs the activity's own arithmetic (its
 * budget in USD, split over its themes) reads a stream of a few columns, never whole activities.
 */
@Service
public class PortfolioFigures {

  private final EntityManager entities;
  private final CurrencyProperties currencies;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final IdentityLookup identity;

  PortfolioFigures(EntityManager entities, CurrencyProperties currencies, TaskService tasks, RuntimeService runtime,
      AsSystem asSystem, IdentityLookup identity) {
    this.entities = entities;
    this.currencies = currencies;
    this.tasks = tasks;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.identity = identity;
  }

  public record Figures(long activities, Map<String, Long> byState, Map<String, Long> byAgency,
      Map<String, Long> byTheme, Map<String, Long> byCountry, Map<String, SignatureTimes> submissionToSignature,
      Map<String, BigDecimal> budgetUsdByAgency, Map<String, BigDecimal> budgetUsdByTheme, List<OverdueTask> overdueTasks) {}

  /** Days from submission to the agency's own signature, over the signed activities it is party to. */
  public record SignatureTimes(int signed, double medianDays, double slowestDays, String slowestReference) {}

  public record OverdueTask(String reference, String title, String task, String holder, Instant due, double daysOverdue) {}

  @Transactional(readOnly = true)
  public Figures of(ActivityFilter filter, Set<String> visibleAgencies) {
    Specification<JointActivity> where = filter.within(visibleAgencies);
    Map<String, Long> byState = counted(where, root -> root.get("state"));
    Map<String, Long> byAgency = counted(where, root -> root.get("leadAgency"));
    counted(where, root -> root.get("partnerAgency")).forEach((agency, n) -> byAgency.merge(agency, n, Long::sum));
    return new Figures(byState.values().stream().mapToLong(Long::longValue).sum(), byState, byAgency,
        counted(where, root -> root.join("thematicAreas")),
        counted(where, root -> root.join("countries")),
        signatureTimes(where),
        budgetByAgency(where),
        budgetByTheme(where),
        overdueTasks(where));
  }

  /** How many activities match, by the value of {@code key} (an enum counts by its name). */
  private Map<String, Long> counted(Specification<JointActivity> where, Function<Root<JointActivity>, Expression<?>> key) {
    CriteriaBuilder cb = entities.getCriteriaBuilder();
    CriteriaQuery<Tuple> query = cb.createTupleQuery();
    Root<JointActivity> root = query.from(JointActivity.class);
    Expression<?> by = key.apply(root);
    query.multiselect(by, cb.count(root)).where(where.toPredicate(root, query, cb)).groupBy(by);
    Map<String, Long> counts = new TreeMap<>();
    entities.createQuery(query).getResultList().forEach(row -> counts.put(
        row.get(0) instanceof Enum<?> value ? value.name() : String.valueOf(row.get(0)), row.get(1, Long.class)));
    return counts;
  }

  /** The rows of a query of a few columns, streamed: the activities are never all in memory at once. */
  private void eachRow(Specification<JointActivity> where, Function<Root<JointActivity>, List<Selection<?>>> columns,
      Consumer<Tuple> row) {
    try (Stream<Tuple> rows = columns(where, columns).setHint(HibernateHints.HINT_FETCH_SIZE, 500).getResultStream()) {
      rows.forEach(row);
    }
  }

  private TypedQuery<Tuple> columns(Specification<JointActivity> where, Function<Root<JointActivity>, List<Selection<?>>> columns) {
    CriteriaBuilder cb = entities.getCriteriaBuilder();
    CriteriaQuery<Tuple> query = cb.createTupleQuery();
    Root<JointActivity> root = query.from(JointActivity.class);
    return entities.createQuery(query.multiselect(columns.apply(root)).where(where.toPredicate(root, query, cb)));
  }

  /**
   * For each agency, the days from submission to its own signature of the proposal, so that a slow
   * agency shows as slow and not as late as its partner. Amendments are signed later in further
   * sign-offs; they would measure something else, so only the proposal's signature counts: the
   * agency's last one up to the moment the activity was signed (a sign-off that ended in a decline
   * may have been repeated).
   */
  private Map<String, SignatureTimes> signatureTimes(Specification<JointActivity> where) {
    CriteriaBuilder cb = entities.getCriteriaBuilder();
    CriteriaQuery<Tuple> query = cb.createTupleQuery();
    Root<JointActivity> activity = query.from(JointActivity.class);
    Root<Signature> signature = query.from(Signature.class);
    query.multiselect(activity.get("reference"), activity.get("submittedAt"), signature.get("agency"),
            cb.greatest(signature.<Instant>get("signedAt")))
        .where(where.toPredicate(activity, query, cb), cb.isNotNull(activity.get("signedAt")),
            cb.equal(signature.get("activityId"), activity.get("id")),
            cb.lessThanOrEqualTo(signature.get("signedAt"), activity.get("signedAt")),
            cb.or(cb.equal(signature.get("agency"), activity.get("leadAgency")),
                cb.equal(signature.get("agency"), activity.get("partnerAgency"))))
        .groupBy(activity.get("reference"), activity.get("submittedAt"), signature.get("agency"));
    Map<String, List<Elapsed>> byAgency = new TreeMap<>();
    try (Stream<Tuple> rows = entities.createQuery(query).setHint(HibernateHints.HINT_FETCH_SIZE, 500).getResultStream()) {
      rows.forEach(row -> byAgency.computeIfAbsent(row.get(2, String.class), k -> new ArrayList<>())
          .add(new Elapsed(row.get(0, String.class), days(row.get(1, Instant.class), row.get(3, Instant.class)))));
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

  /** What each agency contributes, in USD at the configured rates (each activity's amount converted, then added). */
  private Map<String, BigDecimal> budgetByAgency(Specification<JointActivity> where) {
    Map<String, BigDecimal> budgets = new TreeMap<>();
    eachRow(where, a -> List.of(a.get("leadAgency"), a.get("partnerAgency"), a.get("currency"),
        a.get("leadContribution"), a.get("partnerContribution")), row -> {
          String currency = row.get(2, String.class);
          budgets.merge(row.get(0, String.class), usd(row.get(3, BigDecimal.class), currency), BigDecimal::add);
          budgets.merge(row.get(1, String.class), usd(row.get(4, BigDecimal.class), currency), BigDecimal::add);
        });
    return budgets;
  }

  /** An activity's budget split evenly over its themes, so that the themes add up to the portfolio. */
  private Map<String, BigDecimal> budgetByTheme(Specification<JointActivity> where) {
    Map<String, BigDecimal> budgets = new TreeMap<>();
    eachRow(where, a -> List.of(a.join("thematicAreas"), a.get("currency"), a.get("totalBudget"),
        entities.getCriteriaBuilder().size(a.<Set<ThematicArea>>get("thematicAreas"))), row -> {
          BigDecimal share = usd(row.get(2, BigDecimal.class), row.get(1, String.class))
              .divide(BigDecimal.valueOf(row.get(3, Integer.class)), 2, RoundingMode.HALF_EVEN);
          budgets.merge(row.get(0, ThematicArea.class).name(), share, BigDecimal::add);
        });
    return budgets;
  }

  private BigDecimal usd(BigDecimal amount, String currency) {
    return currencies.toUsd(amount, currency).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** The overdue tasks of the matching activities: the tasks first (few), then their activities' titles. */
  private List<OverdueTask> overdueTasks(Specification<JointActivity> where) {
    Date now = ClockUtil.getCurrentTime();
    List<Task> overdue = asSystem.call(() -> tasks.createTaskQuery().active().dueBefore(now).orderByDueDate().asc().list());
    if (overdue.isEmpty()) {
      return List.of();
    }
    Map<String, String> businessKeys = asSystem.call(() -> runtime.createProcessInstanceQuery()
            .processInstanceIds(overdue.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list())
        .stream().filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    Map<String, String> titles = new HashMap<>();
    InChunks.query(List.copyOf(new HashSet<>(businessKeys.values())),
        references -> columns(where.and((root, query, cb) -> root.get("reference").in(references)),
            a -> List.of(a.get("reference"), a.get("title"))).getResultList())
        .forEach(row -> titles.put(row.get(0, String.class), row.get(1, String.class)));
    List<OverdueTask> result = new ArrayList<>();
    for (Task task : overdue) {
      String reference = businessKeys.get(task.getProcessInstanceId());
      if (titles.containsKey(reference)) {
        result.add(new OverdueTask(reference, titles.get(reference), task.getName(), holder(task),
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
