package org.jointactivities.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.query.NullPrecedence;
import org.hibernate.query.SortDirection;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaExpression;
import org.hibernate.query.criteria.JpaSimpleCase;
import org.jointactivities.activity.CurrencyProperties;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.amendment.Amendment;
import org.jointactivities.amendment.AmendmentRepository;
import org.jointactivities.amendment.AmendmentStatus;
import org.jointactivities.document.Documents;
import org.jointactivities.document.PublicDocument;
import org.jointactivities.document.PublicDocuments;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The portfolio for managers: search, figures, CSV and IATI export, limited to the user's agencies. */
@RestController
@RequestMapping("/api")
@Tag(name = "Portfolio", description = "Joint activities of the agencies you belong to (administrators: all)")
class PortfolioController {

  static final Set<String> SORTABLE = Set.of("reference", "title", "state", "plannedStartDate", "plannedEndDate",
      "totalBudget", "submittedAt", "signedAt");
  static final int MAX_PAGE_SIZE = 200;

  private final JointActivityRepository activities;
  private final AmendmentRepository amendments;
  private final CurrencyProperties currencies;
  private final PortfolioAccess access;
  private final PortfolioFigures figures;
  private final IatiExport iati;
  private final Documents documents;
  private final PublicDocuments publicDocuments;
  private final ActivityPages pages;
  private final EntityManager entities;

  PortfolioController(JointActivityRepository activities, AmendmentRepository amendments,
      CurrencyProperties currencies, PortfolioAccess access, PortfolioFigures figures, IatiExport iati,
      Documents documents, PublicDocuments publicDocuments, ActivityPages pages, EntityManager entities) {
    this.activities = activities;
    this.amendments = amendments;
    this.currencies = currencies;
    this.access = access;
    this.figures = figures;
    this.iati = iati;
    this.documents = documents;
    this.publicDocuments = publicDocuments;
    this.pages = pages;
    this.entities = entities;
  }

  record PageOfActivities(List<ActivitySummary> content, int page, int size, long totalElements, int totalPages) {}

  @Operation(summary = "Search activities", description = "Filters combine; from/to keep activities whose planned "
      + "period overlaps the range. sort: reference, title, state, plannedStartDate, plannedEndDate, totalBudget "
      + "(by its USD equivalent), submittedAt or signedAt, with ,asc or ,desc; then by reference. Empty values "
      + "(not yet signed) come last either way.")
  @GetMapping("/activities")
  @Transactional(readOnly = true)
  PageOfActivities search(@ParameterObject ActivityFilter filter,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
      @RequestParam(defaultValue = "submittedAt,desc") String sort, Principal user) {
    if (page < 0) {
      throw new InvalidInputException("Search", "page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("Search", "size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    Page<ActivitySummary> found = activities.findAll(
        filter.within(access.visibleAgencies(user.getName())).and(orderOf(sort)),
        PageRequest.of(page, size)).map(ActivitySummary::of);
    return new PageOfActivities(found.getContent(), page, size, found.getTotalElements(), found.getTotalPages());
  }

  @Operation(summary = "The portfolio in figures", description = "Counts by state, agency, theme and country; "
      + "overdue tasks and who holds them; days from submission to each agency's own signature of the proposal; "
      + "budgets in USD by agency "
      + "and theme. Takes the same filters as the search.")
  @GetMapping("/portfolio")
  PortfolioFigures.Figures figures(@ParameterObject ActivityFilter filter, Principal user) {
    return figures.of(filter, access.visibleAgencies(user.getName()));
  }

  @Operation(summary = "Activities as CSV", description = "The search's filters; every match, one row each "
      + "(with its number of documents), UTF-8 for spreadsheets.")
  @GetMapping(value = "/activities/export.csv", produces = "text/csv")
  @Transactional(readOnly = true)
  void csv(@ParameterObject ActivityFilter filter, Principal user,
      HttpServletResponse response) throws IOException {
    List<Long> ids = pages.ids(filter.within(access.visibleAgencies(user.getName())));
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"joint-activities.csv\"");
    Writer out = response.getWriter();
    out.write('\ufeff'); // spreadsheets read the file as UTF-8 with this mark
    try (ActivitiesCsv csv = ActivitiesCsv.to(out)) {
      pages.each(ids, page -> {
        Map<Long, Integer> counts = documents.countsByActivity(page.stream().map(JointActivity::getId).toList());
        page.forEach(activity -> csv.write(new ActivitiesCsv.Row(ActivitySummary.of(activity),
            counts.getOrDefault(activity.getId(), 0))));
      });
    }
    out.flush();
  }

  @Operation(summary = "Activities in IATI 2.03", description = "An iati-activities document (IATI Standard 2.03) "
      + "of the signed activities and those further on (active, suspended, in final reporting, closed, terminated) "
      + "that match the search's filters, with their public documents as document-links; 404 when none does.")
  @GetMapping(value = "/activities/export.iati.xml", produces = "application/xml")
  @Transactional(readOnly = true)
  void iati(@ParameterObject ActivityFilter filter, Principal user,
      HttpServletResponse response) throws IOException {
    // what is published: agreed activities, not proposals still under discussion or abandoned
    Specification<JointActivity> published = filter.within(access.visibleAgencies(user.getName()))
        .and((root, query, cb) -> root.get("state").in(SIGNED_STATES));
    List<Long> ids = pages.ids(published);
    if (ids.isEmpty()) {
      throw new NoSuchElementException("No signed activity matches: an IATI file needs at least one activity");
    }
    Map<String, String> agencies = agenciesOf(published);
    response.setContentType("application/xml;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"joint-activities-iati.xml\"");
    iati.write(agencies, each -> pages.each(ids, page -> {
      Map<String, IatiExport.SignedBudget> signedBudgets = signedBudgets(page);
      Map<Long, List<PublicDocument>> links = publicDocuments.ofActivities(page.stream().map(JointActivity::getId).toList());
      page.forEach(activity -> each.accept(new IatiExport.Published(activity, signedBudgets.get(activity.getReference()),
          links.getOrDefault(activity.getId(), List.of()))));
    }), response.getOutputStream());
  }

  private static final Set<ActivityState> SIGNED_STATES = EnumSet.copyOf(
      Arrays.stream(ActivityState.values()).filter(ActivityState::signed).toList());

  /** Each agency of the published activities, with the first reference that names it (for a refusal). */
  private Map<String, String> agenciesOf(Specification<JointActivity> published) {
    Map<String, String> agencies = new TreeMap<>();
    for (String side : List.of("leadAgency", "partnerAgency")) {
      CriteriaBuilder cb = entities.getCriteriaBuilder();
      CriteriaQuery<Tuple> query = cb.createTupleQuery();
      Root<JointActivity> root = query.from(JointActivity.class);
      query.multiselect(root.get(side), cb.least(root.<String>get("reference")))
          .where(published.toPredicate(root, query, cb)).groupBy(root.get(side));
      entities.createQuery(query).getResultList().forEach(row -> agencies.merge(row.get(0, String.class),
          row.get(1, String.class), (a, b) -> a.compareTo(b) <= 0 ? a : b));
    }
    return agencies;
  }

  /** The budgets as signed of the activities that amendments changed. */
  private Map<String, IatiExport.SignedBudget> signedBudgets(List<JointActivity> page) {
    Map<Long, List<Amendment>> applied = new HashMap<>();
    amendments.findByActivityIdInAndStatus(page.stream().map(JointActivity::getId).toList(), AmendmentStatus.APPLIED)
        .forEach(a -> applied.computeIfAbsent(a.getActivityId(), k -> new ArrayList<>()).add(a));
    Map<String, IatiExport.SignedBudget> signed = new HashMap<>();
    for (JointActivity activity : page) {
      IatiExport.SignedBudget.of(activity, applied.getOrDefault(activity.getId(), List.of()))
          .ifPresent(budget -> signed.put(activity.getReference(), budget));
    }
    return signed;
  }

  /**
   * The search's order: the field, then the reference. A budget ranks by its USD equivalent at the
   * configured rates (the portfolio's budget figures use the same), not by the bare amount in its
   * own currency. Empty values (an activity not yet signed) come last in both directions. The
   * databases disagree on where NULL sorts (H2 first when ascending, PostgreSQL last) and Spring
   * Data refuses Sort's null handling on Criteria queries, so the order is built here, with
   * Hibernate's NULLS LAST. A Specification without a condition carries it; the page's count
   * query needs no order.
   */
  private Specification<JointActivity> orderOf(String sort) {
    String[] parts = sort.split(",");
    if (!SORTABLE.contains(parts[0]) || parts.length > 2
        || (parts.length == 2 && !parts[1].equalsIgnoreCase("asc") && !parts[1].equalsIgnoreCase("desc"))) {
      throw new InvalidInputException("Search", "sort", "must be one of " + new TreeSet<>(SORTABLE)
          + ", optionally followed by ,asc or ,desc");
    }
    SortDirection direction = parts.length == 2 && parts[1].equalsIgnoreCase("desc")
        ? SortDirection.DESCENDING : SortDirection.ASCENDING;
    String field = parts[0];
    return (root, query, criteria) -> {
      if (!Long.class.equals(query.getResultType())) {
        HibernateCriteriaBuilder cb = (HibernateCriteriaBuilder) criteria;
        JpaExpression<?> key = field.equals("totalBudget") ? budgetUsd(root, cb) : (JpaExpression<?>) root.get(field);
        query.orderBy(cb.sort(key, direction, NullPrecedence.LAST),
            cb.sort((JpaExpression<?>) root.get("reference"), SortDirection.ASCENDING));
      }
      return null;
    };
  }

  /** The budget times its currency's rate to USD; empty for a currency that has no rate (any more). */
  private JpaExpression<BigDecimal> budgetUsd(Root<JointActivity> root, HibernateCriteriaBuilder cb) {
    JpaSimpleCase<String, BigDecimal> rate = cb.selectCase(root.<String>get("currency"));
    currencies.currencies().forEach(rate::when);
    return cb.prod(root.<BigDecimal>get("totalBudget"), rate);
  }
}
