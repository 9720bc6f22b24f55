package noliq.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollDecision;
import noliq.wrapper.policy.RollPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    header = "What a roll policy holds, when it rolls next, its exposure.",
    description = "What a roll policy holds at a spot, when it would roll next, and its current ETH exposure. "
        + "Policies: buterin-2026 (X read as the entry price), buterin-2026-current (X read as the current price), "
        + "kyrrui-tracker, czar102-predictable, exposure-threshold. Override parameters with --param NAME=VALUE.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq wrapper explain --policy kyrrui-tracker --spot 3000",
        "  noliq wrapper explain --policy buterin-2026 --spot 2500 --strike 1500 \\", "      --days 20 --entry-spot 3000 --json"})
final class WrapperExplainCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;
  @Mixin WrapperHolding holding;

  @Option(names = "--policy", required = true, paramLabel = "NAME", completionCandidates = WrapperHolding.PolicyNames.class,
      description = "The roll policy: ${COMPLETION-CANDIDATES}.")
  String policy;

  @Option(names = "--spot", required = true, paramLabel = "X", description = "ETH price in index units now.")
  String spot;

  @Option(names = "--vol", defaultValue = "0.8", paramLabel = "V", description = "Volatility for the model value and exposure (default: ${DEFAULT-VALUE}).")
  double vol;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A policy parameter, by its source name (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--now", paramLabel = "TIME", description = "The time to explain at, ISO-8601 UTC (default: now).")
  String now;

  @Override
  public void run() {
    RollPolicy p = WrapperHolding.policy(policy, params);
    Instant at = parseNow(now);
    Price x = Price.parse(spot, "--spot");
    if (!x.isPositive()) {
      throw new RuleViolation("--spot", "must be positive (was " + x + ")");
    }
    Limits.price("--spot", x.toDouble());
    Limits.vol("--vol", vol);
    Observation obs = observation(x, at, vol);
    Optional<Position> given = holding.held(at, x);
    Position held = given.orElseGet(() -> Position.opened(p.entry(obs), x, at));
    RollDecision decision = p.decide(Optional.of(held), obs);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("policy", p.name());
    result.put("source", p.source());
    result.put("parameters", p.parameters());
    result.put("spot", x.toString());
    result.put("vol", vol);
    result.put("now", at.toString());
    result.put("holds", WrapperHolding.describe(held, at, given.isPresent()));
    result.put("decision", WrapperHolding.decision(decision));
    result.put("nextRoll", WrapperHolding.nextRoll(p, held, at));
    result.put("exposure", WrapperHolding.exposure(held, obs));
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, result, r -> {
      out.printf("policy   %s (%s)%n", p.name(), p.source());
      out.printf("params   %s%n", p.parameters());
      out.printf("holds    P strike %s maturing %s (%.2f days; bought at spot %s; %s)%n", held.strike(), held.maturity(),
          held.daysToMaturity(at), held.entrySpot(), given.isPresent() ? "given" : "the policy's entry at this spot");
      out.printf("now      spot %s at %s: %s%n", x, at, switch (decision) {
        case RollDecision.Hold h -> "HOLD, " + h.reason();
        case RollDecision.Roll rl -> "ROLL (" + rl.trigger() + ") to strike " + rl.to().strike() + " maturing "
            + rl.to().maturity() + ": " + rl.reason();
      });
      out.printf("next     %s; %s%n",
          p.rollBelow(held).map(b -> "rolls when spot < " + b).orElse("no price trigger"),
          p.rollFrom(held).map(t -> "rolls on time after " + t).orElse("no time trigger"));
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) r.get("exposure");
      out.printf("exposure %.6f ETH per P per unit of x (%.4f%% of P's value behaves like ETH); P worth %.4f (model, vol %s) vs %.4f (intrinsic)%n",
          e.get("deltaIndex"), 100 * (double) e.get("ethShare"), e.get("pValueModel"), vol, e.get("pValueIntrinsic"));
    });
  }

  static final Instant EARLIEST = Instant.parse("2015-07-30T00:00:00Z"); // Ethereum's genesis
  static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  static Instant parseNow(String text) {
    if (text == null) {
      return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
    Instant t;
    try {
      t = Instant.parse(text);
    } catch (DateTimeException e) {
      throw new RuleViolation("--now", "must be an ISO-8601 UTC time such as 2026-06-01T08:00:00Z (was '" + text + "')");
    }
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new RuleViolation("--now", "must be between " + EARLIEST + " and " + LATEST + " (was " + text + ")");
    }
    return t;
  }

  static Observation observation(Price x, Instant at, double vol) {
    try {
      return new Observation(x, at, vol);
    } catch (RuleViolation e) {
      throw new RuleViolation("--" + e.field(), e.rule());
    }
  }
}
