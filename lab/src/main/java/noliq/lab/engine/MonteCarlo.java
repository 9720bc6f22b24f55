package noliq.lab.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import noliq.lab.metrics.Sample;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Monte Carlo runner. Paths are cut into chunks of {@link MonteCarloConfig#PATHS_PER_CHUNK}
 * (a fixed partition); threads take chunks in turn; each path draws from its own stream
 * ({@link PathRandom}); each chunk fills its own {@link Sample}s, which are appended to the
 * totals strictly in chunk order as soon as the chunks before them are done. So:
 * <ul>
 *   <li>the results are bit-identical on 1 thread or on N;</li>
 *   <li>memory grows with the metrics kept (8 bytes per path and metric), never with steps, and
 *       only the chunks finished out of order wait in memory.</li>
 * </ul>
 */
public final class MonteCarlo {
  private MonteCarlo() {}

  /**
   * Runs {@code config.paths()} paths of a study that reports the metrics {@code metricNames},
   * making one simulator per chunk with {@code simulators}.
   */
  public static RunSummary run(MonteCarloConfig config, List<String> metricNames, Supplier<PathSimulator> simulators, Progress progress) {
    return run(config, metricNames, java.util.Set.of(), simulators, progress);
  }

  /**
   * As above; the metrics named in {@code mayBeAbsent} may be left NaN on a path (absent there, as a
   * settlement figure where nothing settled); any other NaN is a metric the design forgot to write.
   */
  public static RunSummary run(MonteCarloConfig config, List<String> metricNames, java.util.Set<String> mayBeAbsent,
      Supplier<PathSimulator> simulators, Progress progress) {
    if (metricNames.isEmpty()) {
      throw new RuleViolation("metrics", "a study must report at least one metric");
    }
    if (metricNames.stream().distinct().count() != metricNames.size()) {
      throw new RuleViolation("metrics", "names must be distinct (were " + metricNames + ")");
    }
    int m = metricNames.size();
    boolean[] absentAllowed = new boolean[m];
    for (int k = 0; k < m; k++) {
      absentAllowed[k] = mayBeAbsent.contains(metricNames.get(k));
    }
    int chunks = config.chunks();
    Sample[] totals = newSamples(m);
    Merger merger = new Merger(totals, chunks);
    progress.start(config.paths());
    try {
      Parallel.forEachChunk(chunks, config.threads(), c -> {
        PathSimulator simulator = simulators.get();
        Sample[] samples = newSamples(m);
        double[] out = new double[m];
        int from = c * MonteCarloConfig.PATHS_PER_CHUNK;
        int to = Math.min(config.paths(), from + MonteCarloConfig.PATHS_PER_CHUNK);
        for (int p = from; p < to; p++) {
          java.util.Arrays.fill(out, Double.NaN);
          UniformRandomProvider rng = PathRandom.forPath(config.seed(), p);
          simulator.simulate(p, rng, out);
          for (int k = 0; k < m; k++) {
            if (Double.isNaN(out[k]) && !absentAllowed[k]) {
              throw new IllegalStateException("path " + p + " left metric '" + metricNames.get(k) + "' unset (NaN)");
            }
            samples[k].add(out[k]);
          }
          progress.advance(1);
        }
        merger.done(c, samples);
      });
    } finally {
      progress.finish();
    }
    Map<String, Sample> byName = new LinkedHashMap<>();
    for (int k = 0; k < m; k++) {
      byName.put(metricNames.get(k), totals[k]);
    }
    return new RunSummary(config.paths(), config.seed(), byName);
  }

  private static Sample[] newSamples(int m) {
    Sample[] s = new Sample[m];
    for (int k = 0; k < m; k++) {
      s[k] = new Sample();
    }
    return s;
  }

  /** Appends finished chunks to the totals in chunk order. */
  private static final class Merger {
    private final Sample[] totals;
    private final Sample[][] waiting;
    private int next;

    Merger(Sample[] totals, int chunks) {
      this.totals = totals;
      this.waiting = new Sample[chunks][];
    }

    synchronized void done(int chunk, Sample[] samples) {
      waiting[chunk] = samples;
      while (next < waiting.length && waiting[next] != null) {
        for (int k = 0; k < totals.length; k++) {
          totals[k].merge(waiting[next][k]);
        }
        waiting[next] = null;
        next++;
      }
    }
  }
}
