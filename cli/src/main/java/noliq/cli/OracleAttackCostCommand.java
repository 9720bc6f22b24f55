package noliq.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import noliq.oracle.attack.SettlementCorruption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "attack-cost",
    mixinStandardHelpOptions = true,
    header = "What corrupting a settlement costs, and whether it pays.",
    description = "What it costs to make a series settle at a wrong x by winning the vote behind the slow oracle, and "
        + "whether it pays. The attacker's answer gets its own share of the votes plus the share of the others who "
        + "follow it; at or above SPAT (65%%) it decides. Dollar amounts are at most 1e15; shares are fractions from 0 to 1.",
    footerHeading = "%nExamples (the first is the March 2025 case):%n",
    footer = {"  noliq oracle attack-cost --value-at-stake 7000000 --bond 750 \\", "      --vote-share 0.25 --followers 0.6",
        "  noliq oracle attack-cost --value-at-stake 7000000 --bond 750 \\", "      --vote-share 0.25 --honest-capital 100000"})
final class OracleAttackCostCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--value-at-stake", required = true, paramLabel = "USD", description = "Value the wrong settlement moves to the attacker.")
  double valueAtStake;

  @Option(names = "--bond", required = true, paramLabel = "USD", description = "Bond the attacker posts to propose or dispute.")
  double bond;

  @Option(names = "--vote-share", required = true, paramLabel = "F", description = "The attacker's share of the round's votes (0..1).")
  double voteShare;

  @Option(names = "--followers", defaultValue = "0", paramLabel = "F", description = "Share of the other voters who vote as the attacker does (default: ${DEFAULT-VALUE}).")
  double followers;

  @Option(names = "--spat", defaultValue = "0.65", paramLabel = "F", description = "Agreement threshold (default: ${DEFAULT-VALUE}, UMA since 2025).")
  double spat;

  @Option(names = "--others-stake", paramLabel = "USD", description = "Value of the other voters' tokens, to price the capital needed.")
  Double othersStake;

  @Option(names = "--honest-capital", paramLabel = "USD",
      description = "Also price the escalation-game route (Reality.eth): what the honest side can post in doubling bonds.")
  Double honestCapital;

  @Option(names = "--arbitration-fee", defaultValue = "0", paramLabel = "USD", description = "Cost of requesting arbitration in that game (default: ${DEFAULT-VALUE}).")
  double arbitrationFee;

  @Override
  public void run() {
    Limits.usd("--value-at-stake", valueAtStake, true);
    Limits.usd("--bond", bond, true);
    if (othersStake != null) {
      Limits.usd("--others-stake", othersStake, true);
    }
    if (honestCapital != null) {
      Limits.usd("--honest-capital", honestCapital, true);
    }
    Limits.usd("--arbitration-fee", arbitrationFee, true);
    SettlementCorruption.VoteResult r = SettlementCorruption.viaVote(new SettlementCorruption.VoteInputs(
        valueAtStake, bond, voteShare, followers, spat, othersStake == null ? Double.NaN : othersStake));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("value_at_stake", valueAtStake);
    result.put("bond", bond);
    result.put("vote_share", voteShare);
    result.put("followers", followers);
    result.put("spat", spat);
    result.put("effective_share", r.effectiveShare());
    result.put("outcome", r.outcome().name());
    result.put("share_needed", r.shareNeeded());
    result.put("capital_needed", Double.isNaN(r.capitalNeeded()) ? null : r.capitalNeeded());
    result.put("cost", r.cost());
    result.put("gain", r.gain());
    result.put("net", r.net());
    result.put("pays", r.pays());
    SettlementCorruption.EscalationResult e = honestCapital == null ? null
        : SettlementCorruption.viaEscalation(valueAtStake, bond, honestCapital, arbitrationFee, 200);
    if (e != null) {
      Map<String, Object> esc = new LinkedHashMap<>();
      esc.put("attacker_answers", e.attackerAnswers());
      esc.put("honest_answers", e.honestAnswers());
      esc.put("attacker_capital", e.attackerCapital());
      esc.put("last_attacker_bond", e.lastAttackerBond());
      esc.put("arbitration_requested", e.arbitrationRequested());
      esc.put("attacker_wins", e.attackerWins());
      esc.put("cost", e.cost());
      esc.put("gain", e.gain());
      esc.put("net", e.net());
      esc.put("pays", e.pays());
      result.put("escalation", esc);
    }
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, result, x -> {
      out.printf("attacker's answer gets %.1f%% of the votes (own %.1f%% + %.1f%% of the rest following); SPAT %.0f%%%n",
          100 * r.effectiveShare(), 100 * voteShare, 100 * followers, 100 * spat);
      out.printf("outcome: %s%n", switch (r.outcome()) {
        case DECIDES -> "DECIDES: the series settles at the wrong x";
        case ROLLS -> "ROLLS: neither side reaches SPAT; settlement is delayed, nothing is stolen yet";
        case FAILS -> "FAILS: the honest answer reaches SPAT; the attacker loses its bond and is slashed";
      });
      out.printf("own share needed to decide: %.1f%%%s%n", 100 * r.shareNeeded(),
          Double.isNaN(r.capitalNeeded()) ? " (give --others-stake to price it)" : String.format(", capital %,.0f", r.capitalNeeded()));
      out.printf("cost %,.2f   gain %,.2f   net %,.2f   -> %s%n", r.cost(), r.gain(), r.net(), r.pays() ? "PAYS" : "does not pay");
      if (e != null) {
        out.printf("%nescalation game: attacker answers %d times (capital %,.2f, last bond %,.2f), honest side %d times;%n",
            e.attackerAnswers(), e.attackerCapital(), e.lastAttackerBond(), e.honestAnswers());
        out.printf("%s%n", e.attackerWins() ? "the honest side runs out and cannot pay for arbitration: the wrong answer stands"
            : "the honest side requests arbitration: the attacker loses every bond unless it also corrupts the arbitrator");
        out.printf("cost %,.2f   gain %,.2f   net %,.2f   -> %s%n", e.cost(), e.gain(), e.net(), e.pays() ? "PAYS" : "does not pay");
      }
    });
  }
}
