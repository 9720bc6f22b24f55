package noliq.options;

import java.util.regex.Pattern;
import noliq.math.RuleViolation;

/** A series' id: the first 96 bits of the SHA-256 of its canonical description, in hex. */
public record SeriesId(String hex) {
  private static final Pattern FORM = Pattern.compile("[0-9a-f]{24}");

  public SeriesId {
    if (hex == null || !FORM.matcher(hex).matches()) {
      throw new RuleViolation("series", "must be 24 lower-case hex digits, was '" + hex + "'");
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
