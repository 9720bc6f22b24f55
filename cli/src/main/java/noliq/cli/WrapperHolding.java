package noliq.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.wrapper.policy.Exposure;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollDecision;
import noliq.wrapper.policy.RollPolicy;
import picocli.CommandLine.Option;

/** The options that describe a held P ({@code --strike}, {@code --days}, {@code --entry-spot}), shared by wrapper and agent commands. */
final class WrapperHolding {
  /** The roll policies by name, for help and completion. */
  static final class PolicyNames extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    PolicyNames() {
      super(noliq.wrapper.policy.Policies.NAMES);
    }
  }

  @Option(names = "--strike", paramLabel = "S", description = "Strike of the P held (default: what the policy would buy now).")
  String strike;

  @Option(names = "--days", paramLabel = "D", description = "Days to the held P's maturity (with --strike).")
  Double days;

  @Option(names = "--entry-spot", paramLabel = "X0", description = "Spot when the held P was bought (default: the spot).")
  String entrySpot;

  /** The held position, if {@code --strike} was given; refused naming the option when inconsistent. */
  Optional<Position> held(Instant now, Price spot) {
    if (strike == null) {
      if (days != null || entrySpot != null) {
        throw new RuleViolation("--days", "describes a held P and needs --strike");
      }
      return Optional.empty();
    }
    if (days == null) {
      throw new RuleViolation("--days", "is required with --strike (days to the held P's maturity)");
    }
    if (Double.isNaN(days) || Double.isInfinite(days) || days <= 0) {
      throw new RuleViolation("--days", "must be positive: a held P has not matured (was " + days + ")");
    }
    Limits.days("--days", days);
    Price s = Price.parse(strike, "--strike");
    Limits.atMost("--strike", s.units(), Price.DECIMALS, Limits.MAX_PRICE, "index units");
    Price x0 = entrySpot == null ? spot : Price.parse(entrySpot, "--entry-spot");
    Limits.atMost("--entry-spot", x0.units(), Price.DECIMALS, Limits.MAX_PRICE, "index units");
    Instant maturity = now.plusSeconds(Math.max(1, Math.round(days * 86_400)));
    try {
      return Optional.of(new Position(s, maturity, x0, now));
    } catch (RuleViolation e) {
      throw new RuleViolation("--" + e.field(), e.rule());
    }
  }

  /** The named policy; a bad parameter is reported as {@code --param NAME: rule}. */
  static RollPolicy policy(String name, Map<String, String> params) {
    if (params.size() > 100) {
      throw new RuleViolation("--param", "is given at most 100 times (was " + params.size() + ")");
    }
    try {
      return noliq.wrapper.policy.Policies.named(name, params);
    } catch (RuleViolation e) {
      String option = switch (e.field()) {
        case "policy" -> "--policy";
        case "param" -> "--param";
        default -> "--param " + e.field();
      };
      throw new RuleViolation(option, e.rule());
    }
  }

  static Map<String, Object> describe(Position p, Instant now, boolean given) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strike", p.strike().toString());
    m.put("maturity", p.maturity().toString());
    m.put("daysToMaturity", p.daysToMaturity(now));
    m.put("entrySpot", p.entrySpot().toString());
    m.put("from", given ? "given" : "the policy's entry at this spot");
    return m;
  }

  static Map<String, Object> decision(RollDecision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (d) {
      case RollDecision.Hold h -> {
        m.put("action", "HOLD");
        m.put("reason", h.reason());
      }
      case RollDecision.Roll r -> {
        m.put("action", "ROLL");
        m.put("trigger", r.trigger().name());
        m.put("reason", r.reason());
        m.put("toStrike", r.to().strike().toString());
        m.put("toMaturity", r.to().maturity().toString());
      }
    }
    return m;
  }

  static Map<String, Object> nextRoll(RollPolicy policy, Position p, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("spotBelow", policy.rollBelow(p).map(Price::toString).orElse(null));
    m.put("after", policy.rollFrom(p).map(Instant::toString).orElse(null));
    m.put("daysUntil", policy.rollFrom(p)
        .map(t -> Math.max(0.0, (t.getEpochSecond() - now.getEpochSecond()) / 86_400.0)).orElse(null));
    return m;
  }

  static Map<String, Object> exposure(Position p, Observation obs) {
    Exposure e = Exposure.of(p, obs);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pValueModel", e.pIndex());
    m.put("pValueIntrinsic", Price.min(obs.spot(), p.strike()).toDouble());
    m.put("deltaIndex", e.deltaIndex());
    m.put("ethShare", e.ethShare());
    return m;
  }
}
