package org.jointactivities.roles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who may be an agency's focal point (its reviewers), for the forms' focal-point fields to choose from. */
@RestController
@Tag(name = "People")
class FocalPointsController {

  record Person(String userId, String name) {}

  private final IdentityService identity;
  private final AgencyDirectory agencies;
  private final IdentityLookup lookup;
  private final AsSystem asSystem;

  FocalPointsController(IdentityService identity, AgencyDirectory agencies, IdentityLookup lookup, AsSystem asSystem) {
    this.identity = identity;
    this.agencies = agencies;
    this.lookup = lookup;
    this.asSystem = asSystem;
  }

  @Operation(summary = "An agency's focal points", description = "The members of the agency's reviewers group, by name")
  @GetMapping("/api/focal-points")
  List<Person> of(@RequestParam String agency) {
    Agency found = agencies.find(agency).orElseThrow(() -> new InvalidInputException("Focal points", "agency",
        "'" + agency + "' is not a configured agency (" + agencies.all().stream().map(Agency::code).toList() + ")"));
    return asSystem.call(() -> identity.createUserQuery().memberOfGroup(found.groupId(Role.REVIEWER)).list()).stream()
        .map(user -> new Person(user.getId(), lookup.nameOf(user.getId())))
        .sorted(Comparator.comparing(Person::name)).toList();
  }
}
