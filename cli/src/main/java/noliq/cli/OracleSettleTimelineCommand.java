package noliq.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import noliq.math.Amount;
import noliq.oracle.optimistic.SettlementTimeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "settle-timeline",
    mixinStandardHelpOptions = true,
    header = "One settlement through the oracle and vote, phase by phase.",
    description = "Plays one settlement through the real optimistic oracle and vote on a virtual clock: each phase's "
        + "timing, the total latency after maturity, and where every bond went. A wrong value is proposed and disputed "
        + "by an honest watcher; the first K-1 disputes reopen the request, the K-th goes to the vote. The vote waits "
        + "for the next round of VotingV2's fixed 48 h grid (0-48 h), misses its threshold for R-1 rounds and resolves "
        + "in round R (at most 5: mainnet's maxRolls is 4); with --deleted it misses all 5 and is deleted: no answer, "
        + "ever, and the ledger's settlement timeout applies the series' invalid policy. Bonds follow "
        + "OptimisticOracleV2: each dispute pays the store finalFee + floor(bond/2) at once; the winner gets "
        + "bond + bond - floor(bond/2) + fee.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq oracle settle-timeline", "  noliq oracle settle-timeline --disputes 2 --vote-rounds 3 --json",
        "  noliq oracle settle-timeline --disputes 1 --deleted"})
final class OracleSettleTimelineCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--liveness", defaultValue = "2", paramLabel = "H", description = "Liveness window in hours (default: ${DEFAULT-VALUE}, UMA's default).")
  double liveness;

  @Option(names = "--disputes", defaultValue = "0", paramLabel = "K", description = "Disputes before the value is final (default: ${DEFAULT-VALUE}).")
  int disputes;

  @Option(names = "--vote-rounds", paramLabel = "R", description = "Vote rounds of 48 h (1 + rolls, at most 5); default 1 if disputed (5 if deleted), else 0.")
  Integer voteRounds;

  @Option(names = "--deleted", description = "The vote misses all 5 rounds and is deleted (needs --disputes of at least 1).")
  boolean deleted;

  @Option(names = "--dispute-after", paramLabel = "H", description = "Hours into each window when the dispute comes (default: half the liveness).")
  Double disputeAfter;

  @Option(names = "--bond", defaultValue = "8500", paramLabel = "USD", description = "Bond above the final fee, per side (default: ${DEFAULT-VALUE}).")
  String bond;

  @Option(names = "--final-fee", defaultValue = "1500", paramLabel = "USD", description = "Final fee per side (default: ${DEFAULT-VALUE}; with the bond, UMA's docs example).")
  String finalFee;

  @Override
  public void run() {
    if (disputes > 100) {
      throw new noliq.math.RuleViolation("--disputes", "must be at most 100 (was " + disputes + ")");
    }
    Duration live = OracleCommand.hours(liveness, "liveness", false);
    Duration after = disputeAfter == null ? live.dividedBy(2) : OracleCommand.hours(disputeAfter, "dispute-after", true);
    int rounds = voteRounds != null ? voteRounds : disputes == 0 ? 0 : deleted ? SettlementTimeline.MAX_VOTE_ROUNDS : 1;
    SettlementTimeline.Timeline t = SettlementTimeline.run(live, disputes, rounds, after,
        Amount.parse(bond, "bond"), Amount.parse(finalFee, "final-fee"), deleted);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("liveness_hours", OracleCommand.inHours(t.liveness()));
    result.put("disputes", t.disputes());
    result.put("vote_rounds", t.voteRounds());
    result.put("bond", t.bond().toString());
    result.put("final_fee", t.finalFee().toString());
    List<Map<String, Object>> phases = new ArrayList<>();
    for (SettlementTimeline.Phase p : t.phases()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("phase", p.name());
      m.put("start_hours", OracleCommand.inHours(p.start()));
      m.put("end_hours", OracleCommand.inHours(p.end()));
      m.put("hours", OracleCommand.inHours(p.length()));
      phases.add(m);
    }
    result.put("phases", phases);
    result.put("latency_hours", OracleCommand.inHours(t.latency()));
    result.put("deleted", t.deleted());
    result.put("final_answer", t.finalAnswer() == null ? null : t.finalAnswer().toString());
    result.put("locked", t.locked().toString());
    result.put("ledger_timeout_hours", OracleCommand.inHours(t.ledgerTimeout()));
    result.put("posted", t.posted().toString());
    List<Map<String, Object>> flows = new ArrayList<>();
    for (SettlementTimeline.Flow f : t.flows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("to", f.to());
      m.put("amount", f.amount().toString());
      m.put("why", f.why());
      flows.add(m);
    }
    result.put("flows", flows);
    result.put("burned", t.burned().toString());

    PrintWriter out = spec.commandLine().getOut();
    output.print(out, result, r -> {
      out.printf("liveness %s h, %d dispute(s), %d vote round(s); each side posts %s + %s final fee%n",
          fmt(OracleCommand.inHours(t.liveness())), t.disputes(), t.voteRounds(), t.bond(), t.finalFee());
      out.printf("%n%10s %10s %10s  %s%n", "start h", "end h", "hours", "phase");
      for (SettlementTimeline.Phase p : t.phases()) {
        out.printf("%10s %10s %10s  %s%n", fmt(OracleCommand.inHours(p.start())), fmt(OracleCommand.inHours(p.end())),
            fmt(OracleCommand.inHours(p.length())), p.name());
      }
      if (t.deleted()) {
        out.printf("%nvote deleted after %s h (%s days): no answer, ever; the request stays disputed%n",
            fmt(OracleCommand.inHours(t.latency())), fmt(OracleCommand.inHours(t.latency()) / 24));
        out.printf("the ledger's rule: %s days after maturity the series settles by its invalid policy "
            + "(half-half: 1/2 ETH to each of P and N, whatever x was)%n", fmt(OracleCommand.inHours(t.ledgerTimeout()) / 24));
      } else {
        out.printf("%nfinal after %s h (%s days) at x = %s%n", fmt(OracleCommand.inHours(t.latency())),
            fmt(OracleCommand.inHours(t.latency()) / 24), t.finalAnswer());
      }
      out.printf("%nbond flows (%s posted in all):%n", t.posted());
      for (SettlementTimeline.Flow f : t.flows()) {
        out.printf("  %-18s %14s  %s%n", f.to(), f.amount(), f.why());
      }
      out.printf("burned (to the store): %s%n", t.burned());
      if (t.deleted()) {
        out.printf("locked in the oracle for ever (no refund): %s%n", t.locked());
      }
    });
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.3f", v);
  }
}
