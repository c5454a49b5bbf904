package org.jointactivities.portfolio;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.JointActivityRepository;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * The activities a filter matches, in reference order, a page at a time: the ids in one statement,
 * then each page's activities with their collections in a few (batch fetching, see JointActivity),
 * and the page forgotten before the next. An export of any size holds one page in memory.
 * Call within a transaction.
 */
@Component
class ActivityPages {

  /** As many as the collections are fetched for at once. */
  static final int SIZE = JointActivity.COLLECTION_BATCH;

  private final EntityManager entities;
  private final JointActivityRepository activities;

  ActivityPages(EntityManager entities, JointActivityRepository activities) {
    this.entities = entities;
    this.activities = activities;
  }

  /** The matching activities' ids, in reference order. */
  List<Long> ids(Specification<JointActivity> where) {
    CriteriaBuilder cb = entities.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<JointActivity> root = query.from(JointActivity.class);
    query.select(root.get("id")).where(where.toPredicate(root, query, cb)).orderBy(cb.asc(root.get("reference")));
    return entities.createQuery(query).getResultList();
  }

  /** Each page of the activities with these ids, in the ids' order. */
  void each(List<Long> ids, Consumer<List<JointActivity>> page) {
    for (int from = 0; from < ids.size(); from += SIZE) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + SIZE));
      Map<Long, JointActivity> byId = activities.findAllById(chunk).stream()
          .collect(Collectors.toMap(JointActivity::getId, Function.identity()));
      page.accept(chunk.stream().map(byId::get).filter(Objects::nonNull).toList());
      entities.clear();
    }
  }
}
