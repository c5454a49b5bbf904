package org.jointactivities.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityStateChanged;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.amendment.Amendment;
import org.jointactivities.amendment.AmendmentRepository;
import org.jointactivities.document.Documents;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.signoff.Signature;
import org.jointactivities.signoff.SignatureRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When both agencies have signed a proposal or an amendment: the activity's documents as they are
 * then become part of that signed version (kept for good), and the application adds the version's
 * signed agreement, a PDF of what was signed and by whom. In the signing's transaction: a signature
 * without its agreement is never recorded.
 */
@Component
class KeepSignedAgreement {

  private final Documents documents;
  private final AmendmentRepository amendments;
  private final SignatureRepository signatures;
  private final AgencyDirectory agencies;
  private final IdentityLookup identity;

  KeepSignedAgreement(Documents documents, AmendmentRepository amendments, SignatureRepository signatures,
      AgencyDirectory agencies, IdentityLookup identity) {
    this.documents = documents;
    this.amendments = amendments;
    this.signatures = signatures;
    this.agencies = agencies;
    this.identity = identity;
  }

  @EventListener
  void on(ActivityStateChanged change) {
    if (change.action() != AuditAction.ACTIVITY_SIGNED && change.action() != AuditAction.ACTIVITY_AMENDED) {
      return;
    }
    JointActivity activity = change.activity();
    String signedVersion = change.action() == AuditAction.ACTIVITY_SIGNED ? "proposal" : latestAmendment(activity.getId());
    documents.seal(activity.getId(), signedVersion);
    AgreementContent content = content(activity, signedVersion);
    byte[] pdf = AgreementPdf.of(content, ClockUtil.getCurrentTime().toInstant());
    try {
      documents.keepSignedAgreement(activity.getId(), signedVersion,
          "Joint activity agreement, " + content.versionLabel().toLowerCase(Locale.ENGLISH),
          activity.getReference() + "-" + signedVersion + "-agreement.pdf", pdf, content.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String latestAmendment(long activityId) {
    List<Amendment> all = amendments.findByActivityIdOrderByNumberAsc(activityId);
    return "amendment-" + all.get(all.size() - 1).getNumber();
  }

  AgreementContent content(JointActivity a, String signedVersion) {
    return new AgreementContent(a.getReference(), signedVersion, a.getTitle(),
        party(a.getLeadAgency(), a.getLeadContribution()), party(a.getPartnerAgency(), a.getPartnerContribution()),
        a.getPlannedStartDate(), a.getPlannedEndDate(), a.getCurrency(), a.getTotalBudget(), a.getObjectives(),
        a.getDeliverables(),
        a.getIndicators().stream().map(i -> new AgreementContent.Target(i.getName(), i.getBaseline(), i.getTarget())).toList(),
        a.getCorruptionRisk().name(), a.getRiskMitigation(), lastSignOff(a));
  }

  private AgreementContent.Party party(String code, BigDecimal contribution) {
    return new AgreementContent.Party(code, agencies.get(code).name(), contribution);
  }

  /** The signatures of the sign-off that has just completed: the one of the latest signature. */
  private List<AgreementContent.SignedBy> lastSignOff(JointActivity activity) {
    List<Signature> all = signatures.findByActivityIdOrderByIdAsc(activity.getId());
    if (all.isEmpty()) {
      throw new IllegalStateException(activity.getReference() + " is recorded as signed without any signature");
    }
    String signOffId = all.get(all.size() - 1).getSignOffId();
    return all.stream().filter(s -> s.getSignOffId().equals(signOffId))
        .sorted(Comparator.comparing((Signature s) -> !s.getAgency().equals(activity.getLeadAgency())).thenComparing(Signature::getSignedAt))
        .map(s -> new AgreementContent.SignedBy(identity.nameOf(s.getSigner()), s.getSigner(), s.getAgency(),
            s.getSignatoryLevel().label(), s.getSignedAt()))
        .toList();
  }
}
