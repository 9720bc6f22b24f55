package noliq.oracle;

import java.time.Instant;
import noliq.math.RuleViolation;

/**
 * What a settlement question asks: the value of {@code index} at {@code maturity}, for the series
 * named {@code series}. Two series on the same index and maturity are separate requests, as UMA
 * separates requests by their ancillary data.
 */
public record RequestKey(String index, Instant maturity, String series) implements Comparable<RequestKey> {
  public RequestKey {
    if (index == null || index.isBlank()) {
      throw new RuleViolation("index", "is required");
    }
    if (maturity == null) {
      throw new RuleViolation("maturity", "is required");
    }
    if (series == null || series.isBlank()) {
      throw new RuleViolation("series", "is required");
    }
  }

  @Override
  public int compareTo(RequestKey o) {
    int c = index.compareTo(o.index);
    if (c == 0) {
      c = maturity.compareTo(o.maturity);
    }
    return c != 0 ? c : series.compareTo(o.series);
  }

  @Override
  public String toString() {
    return index + "@" + maturity + "#" + series;
  }
}
