package noliq.wrapper.venue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.oracle.feeds.IndexPath;
import noliq.oracle.feeds.PrivateMedian;
import noliq.oracle.feeds.SourceModel;
import noliq.wrapper.port.PriceView;

/**
 * The local agent's private sources as the oracle module models them: each {@link SourceModel}
 * quotes the true index {@code delay} ago with its noise, or fails with its probability, exactly as
 * one source of the oracle's {@link PrivateMedian} does (each read is that median over one source).
 * The agent's own {@link noliq.wrapper.agent.PrivateMedian} picks k of them and takes the median.
 * The clock and the generator are the caller's: {@link #at} sets the moment reads refer to.
 */
public final class MedianPriceView implements PriceView {
  private final List<SourceModel> sources;
  private final List<PrivateMedian> single;
  private final List<String> names;
  private final IndexPath truth;
  private final RandomGenerator rng;
  private Instant now;

  public MedianPriceView(List<SourceModel> sources, IndexPath truth, RandomGenerator rng, Instant start) {
    if (sources == null || sources.isEmpty()) {
      throw new RuleViolation("sources", "at least one source is required");
    }
    if (truth == null || rng == null || start == null) {
      throw new RuleViolation("view", "truth, rng and start are required");
    }
    this.sources = List.copyOf(sources);
    this.single = this.sources.stream().map(s -> PrivateMedian.of(List.of(s))).toList();
    this.names = this.sources.stream().map(SourceModel::name).toList();
    this.truth = truth;
    this.rng = rng;
    this.now = start;
  }

  /** Reads from now on refer to {@code t}. */
  public MedianPriceView at(Instant t) {
    now = t;
    return this;
  }

  public List<SourceModel> models() {
    return sources;
  }

  @Override
  public List<String> sources() {
    return names;
  }

  @Override
  public Optional<Price> read(int index) {
    if (index < 0 || index >= single.size()) {
      throw new RuleViolation("index", "must be in [0, " + single.size() + ") (was " + index + ")");
    }
    return single.get(index).read(truth, now, rng).median();
  }
}
