package org.jointactivities.portfolio;

import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.ThematicArea;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a manager narrows the portfolio to, bound from the query parameters of the same names;
 * every field optional. {@code from}/{@code to} keep the activities whose planned period overlaps
 * that range.
 */
public record ActivityFilter(ActivityState state, String agency, ThematicArea theme, String country,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

  /** The filter, within the activities of the agencies the user may see ({@code null}: all). */
  Specification<JointActivity> within(Set<String> visibleAgencies) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (visibleAgencies != null) {
        where.add(cb.or(root.get("leadAgency").in(visibleAgencies), root.get("partnerAgency").in(visibleAgencies)));
      }
      if (state != null) {
        where.add(cb.equal(root.get("state"), state));
      }
      if (agency != null && !agency.isBlank()) {
        where.add(cb.or(cb.equal(root.get("leadAgency"), agency), cb.equal(root.get("partnerAgency"), agency)));
      }
      if (theme != null) {
        where.add(cb.isMember(theme, root.get("thematicAreas")));
      }
      if (country != null && !country.isBlank()) {
        where.add(cb.isMember(country, root.get("countries")));
      }
      if (from != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("plannedEndDate"), from));
      }
      if (to != null) {
        where.add(cb.lessThanOrEqualTo(root.get("plannedStartDate"), to));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
