package noliq.oracle.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * The post's private oracle: a holder's agent "queries a dozen financial news sites, no one else
 * knows which ones, and takes the median". The agent {@link #pick picks} k of the n sources it
 * knows, keeps the choice to itself, and on each {@link #read} takes the median of the sources
 * that answer. An attacker who does not know the choice must corrupt more than half of all n
 * sources to move the median for certain.
 *
 * <p>Randomness (the pick, each source's noise and failure) comes from the caller's generator.
 */
public final class PrivateMedian {
  private final List<SourceModel> chosen;

  private PrivateMedian(List<SourceModel> chosen) {
    this.chosen = List.copyOf(chosen);
  }

  /** Picks {@code k} of {@code sources} uniformly at random, without replacement. */
  public static PrivateMedian pick(List<SourceModel> sources, int k, RandomGenerator rng) {
    Require.present(sources, "sources");
    Require.present(rng, "rng");
    if (k < 1 || k > sources.size()) {
      throw new OracleException(new OracleError.OutOfRange("k", "between 1 and the " + sources.size() + " sources", Integer.toString(k)));
    }
    List<SourceModel> pool = new ArrayList<>(sources);
    for (int i = 0; i < k; i++) { // partial Fisher-Yates
      int j = i + rng.nextInt(pool.size() - i);
      SourceModel t = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, t);
    }
    return new PrivateMedian(pool.subList(0, k));
  }

  /** An agent that uses exactly {@code sources}. */
  public static PrivateMedian of(List<SourceModel> sources) {
    Require.present(sources, "sources");
    if (sources.isEmpty()) {
      throw new OracleException(new OracleError.OutOfRange("sources", "at least one source", "none"));
    }
    return new PrivateMedian(sources);
  }

  /** The agent's own list; nothing else in the system is told. */
  public List<SourceModel> chosen() {
    return chosen;
  }

  /** One reading: the median (empty if every source failed) and what each source said. */
  public record Reading(Instant at, Optional<Price> median, double[] quotes, int failed) {}

  /**
   * Reads every chosen source at {@code now}: each fails with its probability, else quotes the
   * true value {@code delay} ago with its noise; the median of the quotes is returned as a price.
   * {@code manipulated} lets an attack replace what named sources say (null: none).
   */
  public Reading read(IndexPath truth, Instant now, RandomGenerator rng, Map<String, Double> manipulated) {
    Require.present(truth, "truth");
    Require.present(now, "now");
    Require.present(rng, "rng");
    double[] quotes = new double[chosen.size()];
    int n = 0;
    int failed = 0;
    for (SourceModel s : chosen) {
      // Always draw both numbers, so one source's failure does not shift the others' draws.
      double u = rng.nextDouble();
      double z = rng.nextGaussian();
      if (u < s.failureProbability()) {
        failed++;
        continue;
      }
      Double forced = manipulated == null ? null : manipulated.get(s.name());
      quotes[n++] = forced != null ? forced : truth.valueAt(now.minus(s.delay())) * Math.exp(s.noise() * z);
    }
    double[] got = Arrays.copyOf(quotes, n);
    if (n == 0) {
      return new Reading(now, Optional.empty(), got, failed);
    }
    return new Reading(now, Optional.of(Price.fromDouble(median(got), Rounding.DOWN)), got, failed);
  }

  public Reading read(IndexPath truth, Instant now, RandomGenerator rng) {
    return read(truth, now, rng, null);
  }

  /** The median; for an even count, the mean of the two middle values. */
  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  @Override
  public String toString() {
    return "PrivateMedian[" + chosen.size() + " private sources]";
  }
}
