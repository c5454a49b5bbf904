package org.jointactivities.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
  private final PortfolioAccess access;
  private final PortfolioFigures figures;
  private final IatiExport iati;

  PortfolioController(JointActivityRepository activities, PortfolioAccess access, PortfolioFigures figures,
      IatiExport iati) {
    this.activities = activities;
    this.access = access;
    this.figures = figures;
    this.iati = iati;
  }

  /** What is published: agreed activities, not proposals still under discussion or abandoned. */
  static final Set<ActivityState> PUBLISHED = EnumSet.of(ActivityState.SIGNED, ActivityState.ACTIVE,
      ActivityState.SUSPENDED, ActivityState.FINAL_REPORTING, ActivityState.CLOSED, ActivityState.TERMINATED);

  record PageOfActivities(List<ActivitySummary> content, int page, int size, long totalElements, int totalPages) {}

  @Operation(summary = "Search activities", description = "Filters combine; from/to keep activities whose planned "
      + "period overlaps the range. sort: reference, title, state, plannedStartDate, plannedEndDate, totalBudget, "
      + "submittedAt or signedAt, with ,asc or ,desc.")
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
    Page<ActivitySummary> found = activities.findAll(filter.within(access.visibleAgencies(user.getName())),
        PageRequest.of(page, size, sortOf(sort))).map(ActivitySummary::of);
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

  @Operation(summary = "Activities as CSV", description = "The search's filters; every match, one row each, "
      + "UTF-8 for spreadsheets.")
  @GetMapping(value = "/activities/export.csv", produces = "text/csv")
  @Transactional(readOnly = true)
  void csv(@ParameterObject ActivityFilter filter, Principal user,
      HttpServletResponse response) throws IOException {
    List<ActivitySummary> rows = activities.findAll(filter.within(access.visibleAgencies(user.getName())),
        Sort.by("reference")).stream().map(ActivitySummary::of).toList();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"joint-activities.csv\"");
    Writer out = response.getWriter();
    out.write('\ufeff'); // spreadsheets read the file as UTF-8 with this mark
    ActivitiesCsv.write(rows, out);
    out.flush();
  }

  @Operation(summary = "Activities in IATI 2.03", description = "An iati-activities document (IATI Standard 2.03) "
      + "of the signed activities and those further on (active, suspended, in final reporting, closed, terminated) "
      + "that match the search's filters; 404 when none does.")
  @GetMapping(value = "/activities/export.iati.xml", produces = "application/xml")
  @Transactional(readOnly = true)
  void iati(@ParameterObject ActivityFilter filter, Principal user,
      HttpServletResponse response) throws IOException {
    List<JointActivity> published = activities.findAll(filter.within(access.visibleAgencies(user.getName())),
        Sort.by("reference")).stream().filter(activity -> PUBLISHED.contains(activity.getState())).toList();
    if (published.isEmpty()) {
      throw new NoSuchElementException("No signed activity matches: an IATI file needs at least one activity");
    }
    response.setContentType("application/xml;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"joint-activities-iati.xml\"");
    iati.write(published, response.getOutputStream());
  }

  private static Sort sortOf(String sort) {
    String[] parts = sort.split(",");
    if (!SORTABLE.contains(parts[0]) || parts.length > 2
        || (parts.length == 2 && !parts[1].equalsIgnoreCase("asc") && !parts[1].equalsIgnoreCase("desc"))) {
      throw new InvalidInputException("Search", "sort", "must be one of " + new TreeSet<>(SORTABLE)
          + ", optionally followed by ,asc or ,desc");
    }
    Sort.Direction direction = parts.length == 2 && parts[1].equalsIgnoreCase("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
    return Sort.by(direction, parts[0]).and(Sort.by("reference"));
  }
}
