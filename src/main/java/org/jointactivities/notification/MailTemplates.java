package org.jointactivities.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes e-mails from the Thymeleaf templates in {@code mail/} — an HTML and a plain-text part
 * each — with all wording in the message bundle {@code mail/messages}, ready for translation.
 * Values are escaped by the templates, so text typed by users can never become markup.
 */
@Component
class MailTemplates {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
  private final List<Agency> agencies;
  private final Locale locale = Locale.ENGLISH;

  MailTemplates(AgencyDirectory agencies) {
    this.agencies = agencies.all();
    messages.setBasename("mail/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
    engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    engine.setTemplateEngineMessageSource(messages);
  }

  RenderedMail render(NotificationKind kind, Map<String, Object> model) {
    Context context = new Context(locale);
    context.setVariables(model);
    context.setVariable("kind", kind.name());
    context.setVariable("agencies", agencies);
    String subject = messages.getMessage("subject." + kind.name(), new Object[] {
        model.get("reference"), model.get("title"), model.get("taskName"), model.get("stateLabel")}, locale);
    return new RenderedMail(subject,
        engine.process(kind.template() + ".txt", context),
        engine.process(kind.template() + ".html", context));
  }

  /** A label from the bundle, e.g. for a state or a task's request. */
  String message(String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setResolvablePatterns(Set.of("*" + suffix));
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setOrder(order);
    resolver.setCheckExistence(true);
    return resolver;
  }
}
