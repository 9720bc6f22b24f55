package noliq.options;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import noliq.math.RuleViolation;

/**
 * A trusted reporter: a resolution is final as soon as it is reported, once per series. For studies
 * where oracle risk is not the subject (historical replays settle at the recorded price) and for
 * tests; the disputable optimistic oracle lives in the oracle module.
 */
public final class ReportedResolutions implements SettlementOracle {
  private final Map<SeriesId, Resolution> reported = new HashMap<>();

  /** Records {@code resolution} for {@code series}; a second report for the same series is refused. */
  public void report(Series series, Resolution resolution) {
    if (resolution == null) {
      throw new RuleViolation("resolution", "is required");
    }
    if (reported.putIfAbsent(series.id(), resolution) != null) {
      throw new RuleViolation("series", "already has a reported resolution (" + series.id() + ")");
    }
  }

  @Override
  public Optional<Resolution> finalResolution(Series series, Instant now) {
    return Optional.ofNullable(reported.get(series.id()));
  }
}
