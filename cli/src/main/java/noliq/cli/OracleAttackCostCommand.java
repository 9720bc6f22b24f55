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
        + "follow it. As VotingV2 counts, it decides only if those votes are more than SPAT (65%%) of ALL staked "
        + "tokens: a share e of the votes at turnout t holds e*t of the stake. Dollar amounts are at most 1e15.",
    footerHeading = "%nExamples (the first is the March 2025 case: 70%% of the votes; decides only above ~92.9%% turnout):%n",
    footer = {"  noliq oracle attack-cost --value-at-stake 7000000 --bond 750 \\",
        "      --vote-share 0.25 --followers 0.6 --turnout 0.9",
        "  noliq oracle attack-cost --value-at-stake 7000000 --bond 750 \\",
        "      --vote-share 0.25 --honest-capital 100000"})
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

  @Option(names = "--spat", defaultValue = "0.65", paramLabel = "F", description = "Agreement threshold, a share of all staked tokens (default: ${DEFAULT-VALUE}, UMA since 2025).")
  double spat;

  @Option(names = "--turnout", defaultValue = "1", paramLabel = "F",
      description = "Share of all staked tokens revealed in the round, in (0, 1] (default: ${DEFAULT-VALUE}, everyone votes: the attacker's best case).")
  double turnout;

  @Option(names = "--others-stake", paramLabel = "USD", description = "Value of all the other stakers' tokens (voting or not), to price the capital needed.")
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
        valueAtStake, bond, voteShare, followers, spat, othersStake == null ? Double.NaN : othersStake, turnout));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("value_at_stake", valueAtStake);
    result.put("bond", bond);
    result.put("vote_share", voteShare);
    result.put("followers", followers);
    result.put("spat", spat);
    result.put("turnout", turnout);
    result.put("effective_share", r.effectiveShare());
    result.put("share_of_stake", r.shareOfStake());
    result.put("outcome", r.outcome().name());
    result.put("turnout_needed", Double.isFinite(r.turnoutNeeded()) ? r.turnoutNeeded() : null);
    result.put("share_needed", Double.isFinite(r.shareNeeded()) ? r.shareNeeded() : null);
    result.put("capital_needed", Double.isNaN(r.capitalNeeded()) ? null : r.capitalNeeded());
    result.put("stake_to_block", othersStake == null ? null : SettlementCorruption.stakeToBlock(othersStake, spat, turnout));
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
      out.printf("attacker's answer gets %.1f%% of the votes (own %.1f%% + %.1f%% of the rest following)%n",
          100 * r.effectiveShare(), 100 * voteShare, 100 * followers);
      out.printf("at %.1f%% turnout that is %.1f%% of all staked tokens; SPAT needs more than %.0f%%%n",
          100 * turnout, 100 * r.shareOfStake(), 100 * spat);
      out.printf("outcome: %s%n", switch (r.outcome()) {
        case DECIDES -> "DECIDES: the series settles at the wrong x";
        case ROLLS -> "ROLLS: neither answer holds more than SPAT of the stake; settlement is delayed (deleted after 5 rounds)";
        case FAILS -> "FAILS: the honest answer holds more than SPAT of the stake; the attacker loses its bond and is slashed";
      });
      out.printf("this share of the votes decides only at a turnout above %s%n",
          r.turnoutNeeded() > 1 ? "100% (never)" : String.format("%.1f%%", 100 * r.turnoutNeeded()));
      out.printf("own share of the votes needed to decide at this turnout: %s%s%n",
          Double.isFinite(r.shareNeeded()) ? String.format("%.1f%%", 100 * r.shareNeeded()) : "none suffices",
          Double.isNaN(r.capitalNeeded()) ? " (give --others-stake to price it)"
              : String.format("; new stake to decide alone %,.0f; to block (roll until deleted) %,.0f", r.capitalNeeded(),
                  SettlementCorruption.stakeToBlock(othersStake, spat, turnout)));
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
