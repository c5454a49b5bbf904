package org.jointactivities.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.portfolio.SpreadsheetCsv;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.FormFields;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The exchange register for managers, and an answer for whoever may read it. */
@RestController
@Tag(name = "Information exchange")
class ExchangeController {

  static final int MAX_PAGE_SIZE = 200;

  /** An answer as its readers see it. */
  record Answer(String reference, String subject, Classification classification, String answerText,
      String handlingInstructions, Set<String> recipients, Instant releasedAt, Instant purgedAt) {}

  private final ExchangeRegister register;
  private final InformationRequests requests;
  private final AnswerAccess access;
  private final AgencyDirectory agencies;
  private final MyExchanges mine;

  ExchangeController(ExchangeRegister register, InformationRequests requests, AnswerAccess access,
      AgencyDirectory agencies, MyExchanges mine) {
    this.agencies = agencies;
    this.mine = mine;
    this.register = register;
    this.requests = requests;
    this.access = access;
  }

  @Operation(summary = "The exchange register", description = "Requests for information your agencies made or "
      + "received, newest first: who asked whom for what, classification, state and time to answer; no answers.")
  @GetMapping("/api/exchanges")
  List<ExchangeRegister.Entry> list(@RequestParam(required = false) ExchangeState state,
      @RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size, Principal user) {
    if (page < 0) {
      throw new InvalidInputException("Exchange register", "page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("Exchange register", "size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    return register.page(user.getName(), state, agency(agency), page, size);
  }

  @Operation(summary = "The exchange register as CSV", description = "The register's filters; every entry, one row "
      + "each, UTF-8 for spreadsheets; no answers.")
  @GetMapping(value = "/api/exchanges/export.csv", produces = "text/csv")
  void csv(@RequestParam(required = false) ExchangeState state, @RequestParam(required = false) String agency,
      Principal user, HttpServletResponse response) throws IOException {
    String code = agency(agency);
    register.checkMayRead(user.getName());
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"exchange-register.csv\"");
    Writer out = response.getWriter();
    out.write('\ufeff'); // spreadsheets read the file as UTF-8 with this mark
    try (SpreadsheetCsv csv = SpreadsheetCsv.to(out, ExchangeRegister.CSV_HEADER)) {
      register.csv(user.getName(), state, code, csv);
    }
  }

  /** A configured agency's code, or null for none. */
  private String agency(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    return agencies.find(code.strip()).map(Agency::code).orElseThrow(() -> new InvalidInputException(
        "Exchange register", "agency", "'" + FormFields.shorten(code.strip()) + "' is not a configured agency"));
  }

  @Operation(summary = "My information exchange", description = "The requests you made (latest "
      + MyExchanges.LATEST + ") and the answers released to you, to read (latest " + MyExchanges.LATEST + ").")
  @GetMapping("/api/exchanges/mine")
  MyExchanges.Mine mine(Principal user) {
    return mine.of(user.getName());
  }

  @Operation(summary = "The answer to a request", description = "For the providing agency's people on the case and, "
      + "once released, the requesting agency; a confidential or strictly confidential answer only for its named recipients.")
  @GetMapping("/api/exchanges/{reference}/answer")
  Answer answer(@PathVariable String reference, Principal user) {
    InformationRequest request = requests.find(reference)
        .orElseThrow(() -> new NoSuchElementException("No information request has the reference " + reference));
    ExchangeAnswer answer = requests.answerOf(request.getId())
        .orElseThrow(() -> new NoSuchElementException(reference + " has no answer yet"));
    if (!access.mayRead(user.getName(), request, answer)) {
      throw new ActionRefusedException(user.getName() + " may not read the answer to " + reference + " ("
          + request.getClassification().name().toLowerCase().replace('_', ' ') + "): "
          + (answer.getReleasedAt() == null ? "it has not been released" : "it is for its named recipients only"));
    }
    return new Answer(request.getReference(), request.getSubject(), request.getClassification(), answer.getAnswerText(),
        answer.getHandlingInstructions(), answer.getRecipients(), answer.getReleasedAt(), answer.getPurgedAt());
  }
}
