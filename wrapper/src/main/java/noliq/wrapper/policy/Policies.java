package noliq.wrapper.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import noliq.math.Price;
import noliq.math.RuleViolation;

/**
 * The policies by name, each built from its defaults overridden by named parameters (as in
 * {@code --param triggerMultiple=1.4}). An unknown name, an unknown parameter or a bad value is
 * refused naming it.
 */
public final class Policies {
  private Policies() {}

  /** Every policy name, in the order the issue lists them. The Buterin policy has one name per reading of X. */
  public static final List<String> NAMES = List.of(
      Buterin2026.NAME, Buterin2026.NAME + "-current", KyrruiTracker.NAME, PredictableRolling.NAME, ExposureThreshold.NAME);

  /** The policy called {@code name} with its defaults. */
  public static RollPolicy named(String name) {
    return named(name, Map.of());
  }

  /** The policy called {@code name}, its defaults overridden by {@code params}. */
  public static RollPolicy named(String name, Map<String, String> params) {
    if (name == null || !NAMES.contains(name)) {
      throw new RuleViolation("policy", "must be one of " + String.join(", ", NAMES) + " (was '" + name + "')");
    }
    RollPolicy defaults = switch (name) {
      case Buterin2026.NAME -> Buterin2026.defaults(XReading.ENTRY_PRICE);
      case Buterin2026.NAME + "-current" -> Buterin2026.defaults(XReading.CURRENT_PRICE);
      case KyrruiTracker.NAME -> KyrruiTracker.defaults();
      case PredictableRolling.NAME -> PredictableRolling.defaults();
      default -> ExposureThreshold.defaults();
    };
    Map<String, String> p = new LinkedHashMap<>(defaults.parameters());
    Set<String> known = p.keySet();
    for (var e : params.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new RuleViolation("param", "policy " + name + " has no parameter '" + e.getKey()
            + "'; its parameters are " + String.join(", ", known));
      }
    }
    p.putAll(params);
    Function<String, String> v = p::get;
    return switch (defaults) {
      case Buterin2026 b -> new Buterin2026(factor(v, "entryDivisor"), factor(v, "triggerMultiple"),
          factor(v, "rollDivisor"), days(v, "maturityDays"), days(v, "exitDaysBeforeMaturity"),
          reading(v.apply("reading")), Price.parse(v.apply("strikeStep"), "strikeStep"));
      case KyrruiTracker k -> new KyrruiTracker(factor(v, "triggerMultiple"), days(v, "minDaysToMaturity"),
          factor(v, "strikeFraction"), days(v, "maturityDays"));
      case PredictableRolling r -> new PredictableRolling(days(v, "tenorDays"), factor(v, "strikeFraction"),
          days(v, "rollDaysBeforeExpiry"));
      case ExposureThreshold t -> new ExposureThreshold(number(v, "maxDelta"), factor(v, "strikeFraction"),
          days(v, "maturityDays"), days(v, "minDaysToMaturity"));
    };
  }

  private static Factor factor(Function<String, String> v, String field) {
    return Factor.parse(v.apply(field), field);
  }

  private static long days(Function<String, String> v, String field) {
    String text = v.apply(field).strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new RuleViolation(field, "must be a whole number of days (was '" + text + "')");
    }
  }

  private static double number(Function<String, String> v, String field) {
    String text = v.apply(field).strip();
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new RuleViolation(field, "must be a number (was '" + text + "')");
    }
  }

  private static XReading reading(String text) {
    try {
      return XReading.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("reading", "must be ENTRY_PRICE or CURRENT_PRICE (was '" + text + "')");
    }
  }

  static void requireAbove(String field, Factor f, String min) {
    if (f == null || f.compareTo(Factor.of(min)) <= 0) {
      throw new RuleViolation(field, "must be above " + min + " (was " + f + ")");
    }
  }

  static void requireFraction(String field, Factor f) {
    if (f == null || !f.isPositive() || f.compareTo(Factor.of("1")) >= 0) {
      throw new RuleViolation(field, "must be in (0, 1): the strike is a fraction of spot (was " + f + ")");
    }
  }

  static void requirePositive(String field, long days) {
    if (days <= 0) {
      throw new RuleViolation(field, "must be positive (was " + days + ")");
    }
  }

  static void requireNonNegative(String field, long days) {
    if (days < 0) {
      throw new RuleViolation(field, "must not be negative (was " + days + ")");
    }
  }
}
