package org.jointactivities.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The local mail sink's inbox as a web page (login required): newest first, each with its
 * plain-text part and its HTML part shown in a sandboxed frame that runs no script.
 */
@RestController
@ConditionalOnBean(MailSink.class)
class MailSinkPage {

  private final MailSink sink;

  MailSinkPage(MailSink sink) {
    this.sink = sink;
  }

  @GetMapping(value = "/mail-sink", produces = MediaType.TEXT_HTML_VALUE)
  String inbox() throws MessagingException, IOException {
    List<MimeMessage> messages = new ArrayList<>(sink.received());
    Collections.reverse(messages);
    StringBuilder page = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Mail sink</title>
        <style>body{font-family:Arial,sans-serif;margin:2em;max-width:900px} article{border:1px solid #ccc;
        border-radius:6px;padding:1em;margin:1em 0} pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}
        iframe{width:100%;height:340px;border:1px solid #ddd}</style></head><body>
        <h1>Mail sink</h1><p>E-mails the application sent since it started (local demo server).</p>""");
    page.append("<p>").append(messages.size()).append(" message(s).</p>");
    for (MimeMessage message : messages) {
      page.append("<article><h2>").append(escape(message.getSubject())).append("</h2><p><b>To:</b> ")
          .append(escape(String.join(", ", addresses(message)))).append("<br><b>Sent:</b> ")
          .append(escape(String.valueOf(message.getSentDate()))).append("</p>");
      String html = MailParts.of(message, "text/html");
      if (html != null) {
        // no script runs in the frame; links open in a new tab
        String framed = html.replaceFirst("<head>", "<head><base target=\"_blank\">");
        page.append("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" title=\"HTML part\" srcdoc=\"")
            .append(escape(framed)).append("\"></iframe>");
      }
      page.append("<details><summary>Plain-text part</summary><pre>").append(escape(MailParts.of(message, "text/plain")))
          .append("</pre></details></article>");
    }
    return page.append("</body></html>").toString();
  }

  private static List<String> addresses(MimeMessage message) throws MessagingException {
    return message.getAllRecipients() == null ? List.of()
        : Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
  }

  private static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }
}
