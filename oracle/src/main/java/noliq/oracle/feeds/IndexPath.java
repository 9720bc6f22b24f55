package noliq.oracle.feeds;

import java.time.Instant;

/** The true index value over time, as a simulated price path gives it (a double: paths are statistics). */
@FunctionalInterface
public interface IndexPath {
  double valueAt(Instant t);
}
