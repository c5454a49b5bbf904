package org.jointactivities.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jointactivities.deployment.FormLabels;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * What a reviewer of a later round reads beside the subject: the earlier rounds' decisions and
 * comments, the other agencies' decisions of this round once they are taken, and what changed,
 * field by field, since the last round was reviewed. Shown read-only in every review form
 * ({@link #HISTORY}, {@link #OTHERS}, {@link #CHANGES}).
 */
@Component
class ReviewContext {

  static final String HISTORY = "reviewHistory";
  static final String OTHERS = "otherDecisions";
  static final String CHANGES = "changesSinceLastRound";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LONG_TEXT = 300;

  private final ReviewDecisionRepository decisions;
  private final ReviewedContentRepository contents;
  private final FormLabels labels;
  private final IdentityLookup identity;

  ReviewContext(ReviewDecisionRepository decisions, ReviewedContentRepository contents, FormLabels labels,
      IdentityLookup identity) {
    this.decisions = decisions;
    this.contents = contents;
    this.labels = labels;
    this.identity = identity;
  }

  /** Keeps what this round shows, once per round: the next round's reviewers see what changed since. */
  void keepRound(String kind, long subjectId, int round, Map<String, Object> shown) {
    if (contents.findBySubjectTypeAndSubjectIdAndRound(kind, subjectId, round).isEmpty()) {
      try {
        contents.saveAndFlush(new ReviewedContent(kind, subjectId, round, write(asText(shown, labels))));
      } catch (DataIntegrityViolationException theOtherTaskWroteIt) {
        // the same content, written by the round's other task at the same moment
      }
    }
  }

  /**
   * What the agency's reviewer reads beside the subject now: earlier rounds, what changed since the
   * last, this round's other decisions; what there is not yet is left out (the form hides it).
   */
  Map<String, Object> beside(String kind, long subjectId, int round, String agency, Map<String, Object> shown) {
    Map<String, Object> values = new LinkedHashMap<>();
    String history = history(kind, subjectId, round);
    if (history != null) {
      values.put(HISTORY, history);
    }
    contents.findFirstBySubjectTypeAndSubjectIdAndRoundLessThanOrderByRoundDesc(kind, subjectId, round)
        .ifPresent(before -> values.put(CHANGES, changes(read(before.getContent()), asText(shown, labels))));
    String others = othersOf(kind, subjectId, round, agency);
    if (others != null) {
      values.put(OTHERS, others);
    }
    return values;
  }

  /** This round's decisions other than the given agency's, for its reviewer: null while there are none. */
  private String othersOf(String kind, long subjectId, int round, String agency) {
    String others = decisions.findBySubjectTypeAndSubjectIdAndRoundOrderByDecidedAtAsc(kind, subjectId, round).stream()
        .filter(decision -> !decision.getAgency().equals(agency)).map(this::line).collect(Collectors.joining("\n"));
    return others.isEmpty() ? null : others;
  }

  /** The earlier rounds' decisions, numbered as the reviewers count rounds: 1, 2, … */
  private String history(String kind, long subjectId, int round) {
    List<String> lines = new ArrayList<>();
    int number = 0;
    Integer current = null;
    for (ReviewDecision decision : decisions
        .findBySubjectTypeAndSubjectIdAndRoundLessThanOrderByRoundAscDecidedAtAsc(kind, subjectId, round)) {
      if (!Integer.valueOf(decision.getRound()).equals(current)) {
        current = decision.getRound();
        number++;
      }
      lines.add("Round " + number + " — " + line(decision));
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  private String line(ReviewDecision decision) {
    String said = decision.getComment() == null ? "" : ": " + decision.getComment();
    return decision.getAgency() + ", " + identity.nameOf(decision.getReviewer()) + " — "
        + words(decision.getDecision()) + said;
  }

  /** "REQUEST_CHANGES" → "request changes". */
  private static String words(String code) {
    return code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
  }

  /** Field by field, in the form's words: "Total budget: 90000.0 → 95000.0"; null when nothing changed. */
  String changes(Map<String, String> before, Map<String, String> now) {
    List<String> lines = new ArrayList<>();
    now.forEach((key, value) -> {
      String label = labels.of(key);
      String was = before.get(key);
      if (label != null && !Objects.equals(was, value)) {
        boolean longText = (was != null && was.length() > LONG_TEXT) || (value != null && value.length() > LONG_TEXT);
        lines.add(label + ": " + (longText ? "rewritten" : shown(was) + " → " + shown(value)));
      }
    });
    return lines.isEmpty() ? "Nothing changed since the last round." : String.join("\n", lines);
  }

  private static String shown(String value) {
    return value == null || value.isEmpty() ? "(empty)" : value.replace("\n", " / ");
  }

  /** Each shown value as people read it: options by their labels, lists joined, numbers as written. */
  private static Map<String, String> asText(Map<String, Object> shown, FormLabels labels) {
    Map<String, String> text = new LinkedHashMap<>();
    shown.forEach((key, value) -> {
      // a JSON list is read as its text: deserializing it would change the value the form is answered
      Object plain = value instanceof SerializableValue json ? json.getValueSerialized()
          : value instanceof TypedValue typed ? typed.getValue() : value;
      String written;
      if (plain instanceof Number number) {
        written = new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
      } else {
        written = plain == null ? null : plain.toString();
      }
      if (written != null && written.startsWith("[")) {
        try {
          written = JSON.readValue(written, new TypeReference<List<String>>() {}).stream()
              .map(item -> labels.option(key, item)).collect(Collectors.joining(", "));
        } catch (JsonProcessingException notAList) {
          // shown as it is
        }
      } else if (written != null) {
        written = labels.option(key, written);
      }
      text.put(key, written);
    });
    return text;
  }

  private static String write(Map<String, String> content) {
    try {
      return JSON.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> read(String content) {
    try {
      return JSON.readValue(content, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored review content is not JSON", e);
    }
  }
}
