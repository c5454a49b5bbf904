package org.jointactivities.proposal;

import java.security.Principal;
import org.jointactivities.activity.ActivityState;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The proposer withdraws a proposal before signature: {@code POST /api/activities/{reference}/withdrawal}. */
@RestController
class WithdrawalController {

  private final Withdrawals withdrawals;

  WithdrawalController(Withdrawals withdrawals) {
    this.withdrawals = withdrawals;
  }

  record WithdrawalRequest(String reason) {}

  record WithdrawalResult(String reference, ActivityState state) {}

  @PostMapping("/api/activities/{reference}/withdrawal")
  WithdrawalResult withdraw(@PathVariable String reference, @RequestBody WithdrawalRequest request, Principal user) {
    var activity = withdrawals.withdraw(reference, user.getName(), request.reason());
    return new WithdrawalResult(activity.getReference(), activity.getState());
  }
}
