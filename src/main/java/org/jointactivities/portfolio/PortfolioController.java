package org.jointactivities.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.criteria.Root;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.query.NullPrecedence;
import org.hibernate.query.SortDirection;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaExpression;
import org.hibernate.query.criteria.JpaSimpleCase;
import org.jointactivities.activity.CurrencyProperties;
import org.jointactivities.activity.InChunks;
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
import org.springframework.data.domain.Sort;
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

  PortfolioController(JointActivityRepository activities, AmendmentRepository amendments,
      CurrencyProperties currencies, PortfolioAccess access, PortfolioFigures figures, IatiExport iati,
      Documents documents, PublicDocuments publicDocuments) {
    this.activities = activities;
    this.amendments = amendments;
    this.currencies = currencies;
    this.access = access;
    this.figures = figures;
    this.iati = iati;
    this.documents = documents;
    this.publicDocuments = publicDocuments;
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
    List<JointActivity> found = activities.findAll(filter.within(access.visibleAgencies(user.getName())),
        Sort.by("reference"));
    Map<Long, Integer> counts = documents.countsByActivity(found.stream().map(JointActivity::getId).toList());
    List<ActivitiesCsv.Row> rows = found.stream().map(activity -> new ActivitiesCsv.Row(ActivitySummary.of(activity),
        counts.getOrDefault(activity.getId(), 0))).toList();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"joint-activities.csv\"");
    Writer out = response.getWriter();
    out.write('\ufeff'); // spreadsheets read the file as UTF-8 with this mark
    ActivitiesCsv.write(rows, out);
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
    List<JointActivity> published = activities.findAll(filter.within(access.visibleAgencies(user.getName())),
        Sort.by("reference")).stream().filter(activity -> activity.getState().signed()).toList();
    if (published.isEmpty()) {
      throw new NoSuchElementException("No signed activity matches: an IATI file needs at least one activity");
    }
    Map<String, IatiExport.SignedBudget> signedBudgets = signedBudgets(published);
    Map<String, List<PublicDocument>> links = publicDocuments(published);
    response.setContentType("application/xml;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"joint-activities-iati.xml\"");
    iati.write(published, signedBudgets, links, response.getOutputStream());
  }

  /** By reference, the public documents of the published activities (one query for all). */
  private Map<String, List<PublicDocument>> publicDocuments(List<JointActivity> published) {
    Map<Long, List<PublicDocument>> byId = publicDocuments.ofActivities(published.stream().map(JointActivity::getId).toList());
    Map<String, List<PublicDocument>> byReference = new HashMap<>();
    published.forEach(activity -> byReference.put(activity.getReference(), byId.getOrDefault(activity.getId(), List.of())));
    return byReference;
  }

  /** The budgets as signed of the activities that amendments changed (InChunks: databases limit parameters). */
  private Map<String, IatiExport.SignedBudget> signedBudgets(List<JointActivity> published) {
    Map<Long, List<Amendment>> applied = new HashMap<>();
    InChunks.query(published.stream().map(JointActivity::getId).toList(),
        ids -> amendments.findByActivityIdInAndStatus(ids, AmendmentStatus.APPLIED))
        .forEach(a -> applied.computeIfAbsent(a.getActivityId(), k -> new ArrayList<>()).add(a));
    Map<String, IatiExport.SignedBudget> signed = new HashMap<>();
    for (JointActivity activity : published) {
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
