package org.jointactivities.agreement;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jointactivities.agreement.AgreementContent.Party;
import org.jointactivities.agreement.AgreementContent.SignedBy;
import org.jointactivities.agreement.AgreementContent.Target;

/** The signed agreement as a PDF (A4, the PDF's standard fonts): the signed content, the signatures, its hash. */
final class AgreementPdf {

  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  private static final Font HASH = FontFactory.getFont(FontFactory.COURIER, 9);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private AgreementPdf() {}

  static byte[] of(AgreementContent content, Instant producedAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document pdf = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(pdf, out);
      pdf.addTitle("Joint activity agreement " + content.reference() + ", " + content.versionLabel());
      pdf.addCreator("Joint Activities");
      pdf.open();
      write(pdf, content, producedAt);
    } catch (DocumentException e) {
      throw new IllegalStateException("The signed agreement of " + content.reference() + " could not be laid out", e);
    } finally {
      pdf.close();
    }
    return out.toByteArray();
  }

  private static void write(Document pdf, AgreementContent c, Instant producedAt) {
    pdf.add(new Paragraph("Joint activity agreement", TITLE));
    pdf.add(new Paragraph(c.reference() + ", " + c.versionLabel().toLowerCase(Locale.ENGLISH) + " as signed", HEADING));
    pdf.add(new Paragraph(c.title(), TEXT));

    heading(pdf, "Parties and budget");
    PdfPTable parties = table(new float[] {2, 5, 3}, "Role", "Agency", "Contribution");
    for (Party party : java.util.List.of(c.lead(), c.partner())) {
      cells(parties, party == c.lead() ? "Lead agency" : "Partner agency", party.name() + " (" + party.code() + ")",
          money(party.contribution(), c.currency()) + " (" + share(party.contribution(), c.totalBudget()) + ")");
    }
    cells(parties, "Total", "", money(c.totalBudget(), c.currency()));
    pdf.add(parties);

    heading(pdf, "Dates");
    pdf.add(new Paragraph("From " + day(c.plannedStart()) + " to " + day(c.plannedEnd()) + " (planned).", TEXT));

    heading(pdf, "Objectives");
    pdf.add(new Paragraph(c.objectives(), TEXT));

    heading(pdf, "Deliverables");
    com.lowagie.text.List deliverables = new com.lowagie.text.List(com.lowagie.text.List.ORDERED);
    c.deliverables().forEach(deliverable -> deliverables.add(new ListItem(deliverable, TEXT)));
    pdf.add(deliverables);

    heading(pdf, "Indicators");
    PdfPTable indicators = table(new float[] {6, 2, 2}, "Indicator", "Baseline", "Target");
    for (Target indicator : c.indicators()) {
      cells(indicators, indicator.name(), number(indicator.baseline()), number(indicator.target()));
    }
    pdf.add(indicators);

    heading(pdf, "Risk");
    pdf.add(new Paragraph("Corruption risk rating: " + c.corruptionRisk().toLowerCase(Locale.ENGLISH) + ".", TEXT));
    if (c.riskMitigation() != null && !c.riskMitigation().isBlank()) {
      pdf.add(new Paragraph("Mitigation: " + c.riskMitigation(), TEXT));
    }

    heading(pdf, "Signatures");
    PdfPTable signatures = table(new float[] {4, 2, 3, 4}, "Signed by", "Agency", "Level", "Signed at");
    for (SignedBy signature : c.signatures()) {
      cells(signatures, signature.name(), signature.agency(), signature.level(), MOMENT.format(signature.at()));
    }
    pdf.add(signatures);

    heading(pdf, "Integrity");
    pdf.add(new Paragraph("SHA-256 of the signed content:", TEXT));
    pdf.add(new Paragraph(c.sha256(), HASH));
    pdf.add(new Paragraph("Produced by Joint Activities on " + MOMENT.format(producedAt) + " when both agencies had signed, and "
        + "kept unchanged with the activity. Whether a copy of this PDF is the one kept: Joint Activities' "
        + "agreement verification (POST /api/agreements/verification).", SMALL));
  }

  private static void heading(Document pdf, String text) {
    Paragraph heading = new Paragraph(text, HEADING);
    heading.setSpacingBefore(12);
    heading.setSpacingAfter(4);
    pdf.add(heading);
  }

  private static PdfPTable table(float[] widths, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String header : headers) {
      table.addCell(new PdfPCell(new Phrase(header, BOLD)));
    }
    return table;
  }

  private static void cells(PdfPTable table, String... texts) {
    for (String text : texts) {
      PdfPCell cell = new PdfPCell(new Phrase(text, TEXT));
      cell.setVerticalAlignment(Element.ALIGN_TOP);
      table.addCell(cell);
    }
  }

  private static String day(LocalDate date) {
    return DAY.format(date);
  }

  private static String money(BigDecimal amount, String currency) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount) + " " + currency;
  }

  private static String number(BigDecimal value) {
    return value == null ? "" : NumberFormat.getNumberInstance(Locale.ENGLISH).format(value);
  }

  private static String share(BigDecimal part, BigDecimal total) {
    if (total == null || total.signum() == 0) {
      return "";
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}
