package org.jointactivities.rules;

import java.util.Collection;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.stereotype.Component;

/**
 * The four-eyes rules shared by review and sign-off (PRODUCT.md §3): nobody decides on a
 * proposal they drafted, revised or asked to amend, and each person acts only in a group of their own agency.
 */
@Component
public class FourEyesGuard {

  private final ActivityRegistry registry;
  private final IdentityLookup identity;

  public FourEyesGuard(ActivityRegistry registry, IdentityLookup identity) {
    this.registry = registry;
    this.identity = identity;
  }

  public void checkNotAuthor(JointActivity activity, String actor, String what) {
    if (registry.authors(activity).contains(actor)) {
      throw new ActionRefusedException("Four-eyes rule: " + actor + " drafted, revised or asked to amend " + activity.getReference()
          + " and so may not " + what + " it");
    }
  }

  /** The actor must belong to one of the groups, which are all groups of {@code agency}. */
  public void checkActsFor(String actor, String agency, Collection<String> eligibleGroups, String what) {
    if (identity.groupsOf(actor).stream().noneMatch(eligibleGroups::contains)) {
      throw new ActionRefusedException(actor + " may not " + what + " for " + agency
          + ": that needs membership of " + String.join(" or ", eligibleGroups));
    }
  }
}
