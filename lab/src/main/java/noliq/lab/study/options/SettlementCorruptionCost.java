package noliq.lab.study.options;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.MetricSpec.Headline;
import noliq.lab.study.Trace;
import noliq.math.RuleViolation;
import noliq.oracle.attack.SettlementCorruption;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What corrupting a P/N settlement would cost against what it moves. Along the path, series are
 * issued every {@code tenorDays} at strike x/2 (Kyrrui's rule) with {@code openInterestUsd} of P;
 * settling one at a wrong, huge x sends all of P's payout, {@code units · min(x_m, S)}, to N. The
 * attacker's cheapest route is the vote: {@link SettlementCorruption#viaVote} prices the stake that
 * reaches UMA's 65% SPAT against the other voters' stake. The debt side reports what a fast-feed
 * manipulation extracts; the two are compared in the report.
 *
 * @param openInterestUsd P outstanding in one series at issue (USD)
 * @param othersVoteStakeUsd the value of the other voters' tokens in a round
 * @param bondUsd the bond the attacker posts
 * @param tenorDays how often a series matures
 */
public record SettlementCorruptionCost(double openInterestUsd, double othersVoteStakeUsd, double bondUsd, int tenorDays)
    implements DesignModel {

  /**
   * $100M of P per series (assumption: vary it); other voters' stake 15M UMA at $1 (anchors A2: a round
   * of ~20M UMA in which 5M was 25%; the UMA price is an assumption); UMA's $750 bond (the March 2025 case);
   * 28-day series (Kyrrui).
   */
  public static final SettlementCorruptionCost DEFAULT = new SettlementCorruptionCost(100e6, 15e6, 750, 28);

  public SettlementCorruptionCost {
    if (!(openInterestUsd > 0) || !(othersVoteStakeUsd > 0) || !(bondUsd >= 0) || tenorDays < 1) {
      throw new RuleViolation("corruption", "open interest and others' stake must be positive, bond not negative, "
          + "tenor at least 1 day (was " + openInterestUsd + ", " + othersVoteStakeUsd + ", " + bondUsd + ", " + tenorDays + ")");
    }
  }

  @Override
  public String id() {
    return "oracle.settlement-corruption";
  }

  @Override
  public String description() {
    return String.format("corrupting a P/N settlement via the vote: $%,.0f of P per %d-day series", openInterestUsd, tenorDays);
  }

  @Override
  public List<MetricSpec> metrics() {
    return List.of(
        new MetricSpec(id() + ".value_at_stake_usd", "USD", "largest P payout a wrong settlement would move to N over the path", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE).within(noliq.lab.study.MetricSpec.Support.NON_NEGATIVE),
        new MetricSpec(id() + ".capital_needed_usd", "USD", "vote stake reaching SPAT against the others' stake", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE).within(noliq.lab.study.MetricSpec.Support.NON_NEGATIVE),
        new MetricSpec(id() + ".capital_to_value", "ratio", "capital needed / value at stake (below 1: a capture pays even if the stake is lost)", Headline.P95).as(noliq.lab.study.MetricSpec.Role.ORACLE).within(noliq.lab.study.MetricSpec.Support.NON_NEGATIVE),
        new MetricSpec(id() + ".settlements", "count", "series that matured on the path", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE).within(noliq.lab.study.MetricSpec.Support.NON_NEGATIVE));
  }

  @Override
  public Run newRun() {
    return this::simulate;
  }

  private void simulate(PricePath path, UniformRandomProvider rng, Trace trace, double[] out, int offset) {
    Duration tenor = Duration.ofDays(tenorDays);
    Instant issued = path.time(0);
    double strike = path.price(0) / 2;
    double worst = 0;
    int settled = 0;
    for (int i = 1; i < path.size(); i++) {
      if (path.time(i).isBefore(issued.plus(tenor))) {
        continue;
      }
      double x = path.price(i);
      worst = Math.max(worst, openInterestUsd * Math.min(x, strike) / strike);
      settled++;
      issued = path.time(i);
      strike = x / 2;
    }
    double capital = SettlementCorruption.viaVote(SettlementCorruption.VoteInputs.uma(worst, bondUsd, 0)
        .withOthersStake(othersVoteStakeUsd)).capitalNeeded();
    out[offset] = worst;
    out[offset + 1] = capital;
    out[offset + 2] = worst > 0 ? capital / worst : 0;
    out[offset + 3] = settled;
  }
}
