package noliq.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import noliq.market.roll.MarketReaction;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.options.IndexId;
import noliq.pricing.VolSurface;
import noliq.wrapper.agent.AgentConfig;
import noliq.wrapper.agent.AgentDecision;
import noliq.wrapper.agent.LocalAgent;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollPolicy;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.VolFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    header = "A private local rebalancer: reads sources, decides rolls.",
    description = {
        "The local agent: a private rebalancer on your own device. Each check reads k of the price sources listed in "
            + "--sources (local files or http://127.0.0.1 endpoints), takes their median, and asks the roll policy what "
            + "to do; a due roll is scheduled at a random moment in a window, to trade patiently.",
        "",
        "With --once it prints one decision and exits; without it, it runs as a daemon, logging each decision and why. "
            + "With --node URL --api-key KEY it trades through a market node (noliq serve): it rests orders or starts an "
            + "auction; without --node it decides and schedules.",
        "",
        "The sources file holds at most 64 KiB and " + AgentPriceSources.MAX_SOURCES + " sources, one a line (blank lines "
            + "and # comments skipped). A file source must be a regular file (not a FIFO or device) of at most "
            + AgentPriceSources.MAX_ANSWER_BYTES + " bytes; an HTTP source gets " + AgentPriceSources.DEADLINE_SECONDS
            + " s in all (connect, headers and body) and at most " + AgentPriceSources.MAX_ANSWER_BYTES + " bytes. "
            + "A source that fails, is late or does not hold one plain decimal price does not answer."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  printf 'a.txt\\nb.txt\\nhttp://127.0.0.1:8545/eth\\n' > sources.txt",
        "  noliq agent --policy kyrrui-tracker --sources sources.txt --once",
        "  noliq agent --policy buterin-2026 --sources sources.txt \\", "      --mechanism dutch-auction --count 10 --json"})
final class AgentCommand implements Runnable {
  private static final String ALGORITHM = "L64X128MixRandom";
  private static final double MAX_HOURS = 8760;

  @Spec CommandSpec spec;
  @Mixin Output output;
  @Mixin WrapperHolding holding;

  @Option(names = "--policy", required = true, paramLabel = "NAME", completionCandidates = WrapperHolding.PolicyNames.class,
      description = "The roll policy: ${COMPLETION-CANDIDATES}.")
  String policy;

  @Option(names = "--sources", paramLabel = "FILE", description = "Price sources, one a line (required without --node).")
  Path sources;

  @Option(names = "--node", paramLabel = "URL", description = "Trade through this market node (noliq serve): rest orders or start auctions.")
  String node;

  @Option(names = "--api-key", paramLabel = "KEY", description = "With --node: your API key on the node.")
  String apiKey;

  @Option(names = "--target-usd", defaultValue = "10000", paramLabel = "USD", description = "With --node: the USD value of P to hold (default: ${DEFAULT-VALUE}).")
  double targetUsd;

  @Option(names = "--poll-seconds", defaultValue = "1", paramLabel = "S", description = "With --node: wall seconds between looks at the node (default: ${DEFAULT-VALUE}).")
  double pollSeconds;

  @Option(names = "--once", description = "Print one decision and exit.")
  boolean once;

  @Option(names = "--k", paramLabel = "K", description = "Sources asked per check (default: a majority of those listed).")
  Integer k;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for the random source choice and timing (default: system entropy).")
  Long seed;

  @Option(names = "--vol", defaultValue = "0.757", paramLabel = "V",
      description = "The 30-day at-the-money implied vol of the surface the agent values P on (DVOL's convention; default: "
          + "${DEFAULT-VALUE}, mean Deribit ETH DVOL 2021-03 .. 2026-04). The surface carries the fitted smile and term "
          + "structure, so the held strike and maturity read their own vol.")
  double vol;

  @Option(names = "--skew", paramLabel = "K",
      description = "The surface's put skew: relative rise of implied vol per unit of -ln(K/x)/sqrt(T) (default: 0.174, fitted on Deribit's chain).")
  Double skew;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A policy parameter, by its source name (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--mechanism", defaultValue = "resting-orders", paramLabel = "M", converter = MechanismConverter.class,
      completionCandidates = Mechanisms.class, description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Mechanism mechanism;

  @Option(names = "--check-hours", defaultValue = "6", paramLabel = "H", description = "Mean hours between checks (default: ${DEFAULT-VALUE}).")
  double checkHours;

  @Option(names = "--window-hours", defaultValue = "12", paramLabel = "H", description = "A due roll trades at a random moment within this many hours (default: ${DEFAULT-VALUE}).")
  double windowHours;

  @Option(names = "--deadline-hours", defaultValue = "24", paramLabel = "H", description = "How long the orders rest or the auction runs (default: ${DEFAULT-VALUE}).")
  double deadlineHours;

  @Option(names = "--count", defaultValue = "0", paramLabel = "N", description = "Daemon: stop after N decisions (default: 0, run until stopped).")
  long count;

  @Option(names = "--now", paramLabel = "TIME", description = "With --once: decide as of this ISO-8601 UTC time (default: now).")
  String now;

  static final class MechanismConverter extends Choices.Converter<Mechanism> {
    MechanismConverter() {
      super(Mechanism.class);
    }
  }

  static final class Mechanisms extends Choices.Candidates<Mechanism> {
    Mechanisms() {
      super(Mechanism.class);
    }
  }

  @Mixin Quiet quiet;

  @Override
  public void run() {
    Limits.vol("--vol", vol);
    VolSurface surface = surface();
    RollPolicy p = WrapperHolding.policy(policy, params);
    if (node != null) {
      Limits.usd("--target-usd", targetUsd, false);
      Limits.between("--poll-seconds", pollSeconds, 0.01, true, 3600, "seconds");
      // On a node, the agent's clock and price are the node's (a replay at speed accelerates both).
      AgentConfig onNode = new AgentConfig(p, 1, hours("--check-hours", checkHours), hours("--window-hours", windowHours),
          mechanism, hours("--deadline-hours", deadlineHours));
      AgentOnNode.run(node, apiKey, onNode, VolFeed.constant(surface), targetUsd, RandomGeneratorFactory.of(ALGORITHM).create(
          seed != null ? seed : new SecureRandom().nextLong()), count, pollSeconds, spec.commandLine().getOut());
      return;
    }
    if (sources == null) {
      throw new RuleViolation("--sources", "is required (or --node URL --api-key KEY to trade through a node)");
    }
    AgentPriceSources view = AgentPriceSources.load(sources);
    int n = view.sources().size();
    int kk = k == null ? n / 2 + 1 : k;
    if (kk < 1 || kk > n) {
      throw new RuleViolation("--k", "must be in [1, " + n + "], the number of sources listed (was " + kk + ")");
    }
    if (count < 0) {
      throw new RuleViolation("--count", "must not be negative (was " + count + ")");
    }
    if (now != null && !once) {
      throw new RuleViolation("--now", "is only for --once; the daemon runs on the wall clock");
    }
    AgentConfig config;
    try {
      config = new AgentConfig(p, kk, hours("--check-hours", checkHours), hours("--window-hours", windowHours),
          mechanism, hours("--deadline-hours", deadlineHours));
    } catch (RuleViolation e) {
      String option = switch (e.field()) {
        case "check-every" -> "--check-hours";
        case "window" -> "--window-hours";
        case "deadline" -> "--deadline-hours";
        default -> e.field().startsWith("--") ? e.field() : "--" + e.field();
      };
      throw new RuleViolation(option, e.rule());
    }
    String randomness;
    RandomGenerator rng;
    if (seed != null) {
      rng = RandomGeneratorFactory.of(ALGORITHM).create(seed);
      randomness = "seed " + seed + " (" + ALGORITHM + ")";
    } else {
      rng = RandomGeneratorFactory.of(ALGORITHM).create(new SecureRandom().nextLong());
      randomness = "system entropy (" + ALGORITHM + ", seed not shown)";
    }
    Instant start = WrapperExplainCommand.parseNow(now);
    Optional<Position> held = holding.held(start, firstSpot(view, rng));
    LocalAgent agent = new LocalAgent(config, VolFeed.constant(surface), noliq.math.book.AccountId.of("holder"),
        IndexId.ETH_USD, held);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!output.json() && !quiet.quiet()) {
      err.printf("noliq agent: policy %s, %d of %d sources, randomness from %s%n", p.name(), kk, n, randomness);
    }
    long decisions = 0;
    Instant t = start;
    while (true) {
      AgentDecision d = agent.decide(t, view, rng);
      print(out, d, p, randomness, agent, surface);
      decisions++;
      if (once || (count > 0 && decisions >= count)) {
        return;
      }
      Instant next = d.nextCheck();
      sleepUntil(t, next);
      t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
  }

  /** With --strike and no --entry-spot the held P was bought at today's median; read it once for that. */
  private Price firstSpot(AgentPriceSources view, RandomGenerator rng) {
    if (holding.strike == null || holding.entrySpot != null) {
      return Price.of(1);
    }
    return new noliq.wrapper.agent.PrivateMedian(view.sources().size()).read(view, rng).median()
        .orElseThrow(() -> new RuleViolation("--entry-spot", "is needed: too few sources answered to take today's median"));
  }

  /** The surface the user states: the fitted smile and term structure (MarketReaction) at --vol, with --skew if given. */
  private VolSurface surface() {
    MarketReaction fitted = MarketReaction.DEFAULTS;
    double k = skew == null ? fitted.putSkew() : Limits.between("--skew", skew, 0, true, 5, "per unit of moneyness");
    return new VolSurface(vol, fitted.longRunVol(), fitted.termMeanReversionPerYear(), k, fitted.callSkew(), fitted.wingCap());
  }

  private void print(PrintWriter out, AgentDecision d, RollPolicy p, String randomness, LocalAgent agent, VolSurface surface) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("at", d.at().toString());
    r.put("policy", p.name());
    r.put("randomness", randomness);
    r.put("asked", d.reading().asked());
    r.put("answers", d.reading().answers().stream().map(Price::toString).toList());
    r.put("median", d.reading().median().map(Price::toString).orElse(null));
    r.put("decision", d.decision().map(WrapperHolding::decision).orElse(Map.of("action", "NONE")));
    r.put("holds", agent.held().map(h -> WrapperHolding.describe(h, d.at(), true)).orElse(null));
    r.put("exposure", agent.held().flatMap(h -> d.reading().median()
        .map(x -> WrapperHolding.exposure(h, new Observation(x, d.at(), surface)))).orElse(null));
    r.put("heldVol", agent.held().flatMap(h -> d.reading().median().map(x -> surface.volDays(x.toDouble(), h.strike().toDouble(),
        Math.max(h.daysToMaturity(d.at()), 0)))).orElse(null));
    r.put("tradeAt", d.tradeAt().map(Instant::toString).orElse(null));
    r.put("mechanism", Choices.id(d.mechanism()));
    r.put("tradeDeadline", d.tradeDeadline().map(Instant::toString).orElse(null));
    r.put("nextCheck", d.nextCheck().toString());
    r.put("why", d.why());
    if (output.json() && !once) {
      // the daemon's log is one JSON object a line
      try {
        out.println(Output.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
      }
      out.flush();
      return;
    }
    output.print(out, r, x -> {
      String action = d.decision().map(dd -> dd.rolls() ? "ROLL" : "HOLD").orElse("NONE");
      out.printf("%s %s: %s%n", d.at(), action, d.why());
      d.tradeAt().ifPresent(at -> out.printf("  trade at %s by %s, deadline %s%n", at, Choices.id(d.mechanism()),
          d.tradeDeadline().orElseThrow()));
      out.printf("  next check %s%n", d.nextCheck());
    });
  }

  private static Duration hours(String option, double h) {
    if (Double.isNaN(h) || Double.isInfinite(h) || h < 0 || h > MAX_HOURS) {
      throw new RuleViolation(option, "must be between 0 and " + (long) MAX_HOURS + " hours, a year (was " + h + ")");
    }
    return Duration.ofMillis(Math.round(h * 3_600_000));
  }

  private static void sleepUntil(Instant from, Instant until) {
    long ms = Math.max(0, until.toEpochMilli() - from.toEpochMilli());
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the next check", e);
    }
  }
}
