package fr.parcours.common;

import io.vertx.core.Future;

import java.util.List;
import java.util.function.Function;

/** Steps over a list run one after the other, each after the previous one succeeded (the first failure stops them). */
public final class Futures {

  private Futures() {
  }

  public static <T> Future<Void> sequentially(List<T> items, Function<T, Future<Void>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (T item : items) {
      chain = chain.compose(done -> step.apply(item));
    }
    return chain;
  }
}
