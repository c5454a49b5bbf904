package org.jointactivities.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The local mail sink's inbox as a web page, read with the webapps' login: the reader's own mails
 * (administrators: everyone's), newest first, each with its plain-text part and its HTML part shown
 * in a sandboxed frame that runs no script.
 */
@RestController
@ConditionalOnBean(MailSink.class)
class MailSinkPage {

  private final MailSink sink;
  private final IdentityService identity;
  private final IdentityLookup groups;
  private final AsSystem asSystem;

  MailSinkPage(MailSink sink, IdentityService identity, IdentityLookup groups, AsSystem asSystem) {
    this.sink = sink;
    this.identity = identity;
    this.groups = groups;
    this.asSystem = asSystem;
  }

  /** Mails per page: a page stays quick to load however many mails the sink holds. */
  static final int PAGE_SIZE = 25;

  @GetMapping(value = "/mail-sink", produces = MediaType.TEXT_HTML_VALUE)
  String inbox(Principal reader, @RequestParam(defaultValue = "0") int page) throws MessagingException, IOException {
    if (page < 0) {
      throw new InvalidInputException("Mail sink", "page", "must be 0 or more");
    }
    boolean everyone = groups.isMember(reader.getName(), Groups.CAMUNDA_ADMIN);
    User user = asSystem.call(() -> identity.createUserQuery().userId(reader.getName()).singleResult());
    String address = user == null || user.getEmail() == null ? null : user.getEmail().strip();
    List<MimeMessage> messages = new ArrayList<>();
    for (MimeMessage message : sink.received()) {
      if (everyone || addresses(message).stream().anyMatch(to -> to.equalsIgnoreCase(address))) {
        messages.add(message);
      }
    }
    Collections.reverse(messages);
    messages.sort(Comparator.comparing(MailSinkPage::sent).reversed()); // stable: the same second keeps arrival order
    StringBuilder out = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Mail sink</title>
        <style>body{font-family:Arial,sans-serif;margin:2em;max-width:900px} article{border:1px solid #ccc;
        border-radius:6px;padding:1em;margin:1em 0} pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}
        iframe{width:100%;height:340px;border:1px solid #ddd}</style></head><body>
        <h1>Mail sink</h1><p>E-mails the application sent since it started (local demo server); it keeps\s""");
    out.append("the newest ").append(sink.keeps()).append(".</p>");
    int from = (int) Math.min((long) page * PAGE_SIZE, messages.size());
    int to = Math.min(from + PAGE_SIZE, messages.size());
    out.append("<p>").append(messages.size()).append(everyone ? " message(s) to anyone" : " message(s) to "
        + escape(address == null ? reader.getName() : address)).append(", newest first")
        .append(messages.size() <= PAGE_SIZE || from == to ? "" : "; " + (from + 1) + "–" + to + " below").append(".</p>");
    String pages = pageLinks(page, to < messages.size());
    out.append(pages);
    for (MimeMessage message : messages.subList(from, to)) {
      out.append("<article><h2>").append(escape(message.getSubject())).append("</h2><p><b>To:</b> ")
          .append(escape(String.join(", ", addresses(message)))).append("<br><b>Sent:</b> ")
          .append(escape(String.valueOf(message.getSentDate()))).append("</p>");
      String html = MailParts.of(message, "text/html");
      if (html != null) {
        // no script runs in the frame; links open in a new tab
        String framed = html.replaceFirst("<head>", "<head><base target=\"_blank\">");
        out.append("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" title=\"HTML part\" srcdoc=\"")
            .append(escape(framed)).append("\"></iframe>");
      }
      out.append("<details><summary>Plain-text part</summary><pre>").append(escape(MailParts.of(message, "text/plain")))
          .append("</pre></details></article>");
    }
    return out.append(pages).append("</body></html>").toString();
  }

  private static String pageLinks(int page, boolean older) {
    if (page == 0 && !older) {
      return "";
    }
    StringBuilder links = new StringBuilder("<nav aria-label=\"Pages\"><p>");
    if (page > 0) {
      links.append("<a href=\"?page=").append(page - 1).append("\" rel=\"prev\">Newer</a> ");
    }
    if (older) {
      links.append("<a href=\"?page=").append(page + 1).append("\" rel=\"next\">Older</a>");
    }
    return links.append("</p></nav>").toString();
  }

  private static Date sent(MimeMessage message) {
    try {
      return message.getSentDate() == null ? new Date(0) : message.getSentDate();
    } catch (MessagingException e) {
      return new Date(0);
    }
  }

  private static List<String> addresses(MimeMessage message) throws MessagingException {
    return message.getAllRecipients() == null ? List.of()
        : Arrays.stream(message.getAllRecipients()).map(a -> a instanceof InternetAddress internet ? internet.getAddress()
            : a.toString()).toList();
  }

  private static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }
}
