package noliq.lab.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import noliq.lab.metrics.Sample;
import noliq.math.RuleViolation;

/**
 * What a Monte Carlo run leaves: every metric's sample over paths (mean and quantiles with their
 * intervals are computed from it on demand), in the order the study declared them.
 */
public record RunSummary(int paths, long seed, Map<String, Sample> metrics) {
  public RunSummary {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public List<String> names() {
    return List.copyOf(metrics.keySet());
  }

  /** The sample of metric {@code name}; an unknown name is refused, listing the known ones. */
  public Sample metric(String name) {
    Sample s = metrics.get(name);
    if (s == null) {
      throw new RuleViolation("metric", "unknown metric '" + name + "' (known: " + String.join(", ", metrics.keySet()) + ")");
    }
    return s;
  }
}
