package org.jointactivities.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Tasklist plugin's "My activities". */
@RestController
@Tag(name = "Portfolio")
class MyActivitiesController {

  private final MyActivities myActivities;

  MyActivitiesController(MyActivities myActivities) {
    this.myActivities = myActivities;
  }

  @Operation(summary = "My activities", description = "The activities of your agencies, newest first: state, the "
      + "steps open on each, who holds them since when and until when, and what you may do.")
  @GetMapping("/api/my-activities")
  MyActivities.PageOfRows list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      Principal user) {
    if (page < 0) {
      throw new InvalidInputException("My activities", "page", "must be 0 or more");
    }
    if (size < 1 || size > PortfolioController.MAX_PAGE_SIZE) {
      throw new InvalidInputException("My activities", "size", "must be between 1 and " + PortfolioController.MAX_PAGE_SIZE);
    }
    return myActivities.of(user.getName(), page, size);
  }
}
