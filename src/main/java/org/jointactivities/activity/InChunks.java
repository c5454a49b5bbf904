package org.jointactivities.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A query over many activities' ids (or references), a thousand per statement: databases limit a statement's parameters. */
public final class InChunks {

  static final int SIZE = 1000;

  private InChunks() {}

  /** The query's results for all the ids, in the ids' order of chunks. */
  public static <I, T> List<T> query(List<I> ids, Function<List<I>, List<T>> query) {
    List<T> all = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += SIZE) {
      all.addAll(query.apply(ids.subList(from, Math.min(ids.size(), from + SIZE))));
    }
    return all;
  }
}
