package noliq.options;

import java.util.regex.Pattern;
import noliq.math.RuleViolation;

/** The index a series tracks, as {@code BASE/QUOTE}: ETH priced in the quote's units ({@code ETH/USD}, {@code ETH/CPI}). */
public record IndexId(String name) {
  private static final Pattern FORM = Pattern.compile("[A-Z0-9.]{1,16}/[A-Z0-9.]{1,16}");
  public static final IndexId ETH_USD = new IndexId("ETH/USD");

  public IndexId {
    if (name == null || !FORM.matcher(name).matches()) {
      throw new RuleViolation("index", "must look like ETH/USD (upper-case BASE/QUOTE), was '" + name + "'");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
