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
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What capturing a P/N settlement would cost against what it moves, under VotingV2's rules. Along
 * the path, series are issued every {@code tenorDays} at strike x/2 (Kyrrui's rule); the
 * settlement game's {@code seriesOpenInterestUsd} of P is outstanding at issue, worth
 * {@code OI · min(x_m, S) / S} at maturity, and a captured answer moves {@code captureDistortion} of
 * it to N. The capture's cost is the new stake that decides the vote alone against all the honest
 * stake (SPAT counts every staked token, so turnout does not lower it), at the token's price times
 * the bribe share, plus the bond ({@link SettlementGame#captureCostUsd}).
 *
 * <p>The safety margin is the open interest at which a capture starts to pay; its cost per dollar
 * moved ({@code capital_to_value}) sits beside the fast feed's cost per dollar of debt made
 * liquidatable ({@code oracle.feed-manipulation.*.cost_per_usd_exposed}). A path on which no
 * series matured has no settlement to capture: its ratios are NaN ("no settlement"), never 0.
 *
 * @param game the settlement game (stake, turnout, price, bribe share, open interest, distortion)
 * @param bondUsd the bond the attacker posts
 * @param tenorDays how often a series matures
 */
public record SettlementCorruptionCost(SettlementGame game, double bondUsd, int tenorDays) implements DesignModel {

  /** The default game; UMA's $750 bond (the March 2025 case); 28-day series (Kyrrui). */
  public static final SettlementCorruptionCost DEFAULT = new SettlementCorruptionCost(SettlementGame.DEFAULTS, 750, 28);

  public SettlementCorruptionCost {
    if (game == null || !(bondUsd >= 0) || Double.isInfinite(bondUsd) || tenorDays < 1 || tenorDays > 3650) {
      throw new RuleViolation("corruption", "the game is required, the bond not negative and finite, the tenor in "
          + "[1, 3650] days (was " + bondUsd + ", " + tenorDays + ")");
    }
  }

  @Override
  public String id() {
    return "oracle.settlement-corruption";
  }

  @Override
  public String description() {
    return String.format("capturing a P/N settlement via the vote (VotingV2): $%,.0f of P per %d-day series, "
        + "%.0fM staked, %.0f%% turnout", game.seriesOpenInterestUsd(), tenorDays, game.voteStakeUma() / 1e6,
        100 * game.voteTurnout());
  }

  @Override
  public List<MetricSpec> metrics() {
    return List.of(
        MetricSpec.absentWhenNone(id() + ".value_at_stake_usd", "USD", "largest value a captured answer moves from P to N over the path (NaN: no settlement)", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".capital_needed_usd", "USD", "new stake that decides the vote alone against all the honest stake, at the token's price", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".capture_cost_usd", "USD", "that stake times the bribe share, plus the bond", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        MetricSpec.absentWhenNone(id() + ".capital_to_value", "ratio", "capture cost per dollar moved at the path's largest settlement (below 1: a capture pays; NaN: no settlement)", Headline.P95).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".capture_pays_above_oi_usd", "USD", "safety margin: the open interest at which a capture starts to pay", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".captures", "count", "settlements on the path at which a capture pays", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".block_cost_usd", "USD", "stake that blocks the honest answer (the vote rolls until deleted), at the token's price times the bribe share", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".settlements", "count", "series that matured on the path", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE));
  }

  @Override
  public Run newRun() {
    return this::simulate;
  }

  private void simulate(PricePath path, UniformRandomProvider rng, Trace trace, double[] out, int offset) {
    Duration tenor = Duration.ofDays(tenorDays);
    Instant issued = path.time(0);
    double strike = path.price(0) / 2;
    double worst = Double.NaN;
    int settled = 0;
    int captures = 0;
    double cost = game.captureCostUsd(bondUsd);
    for (int i = 1; i < path.size(); i++) {
      if (path.time(i).isBefore(issued.plus(tenor))) {
        continue;
      }
      double x = path.price(i);
      double openInterest = game.seriesOpenInterestUsd() * Math.min(x, strike) / strike;
      double moved = game.valueMovedUsd(openInterest);
      worst = Double.isNaN(worst) ? moved : Math.max(worst, moved);
      if (game.capturePays(openInterest, bondUsd)) {
        captures++;
      }
      settled++;
      issued = path.time(i);
      strike = x / 2;
    }
    out[offset] = worst;
    out[offset + 1] = game.captureStakeUma() * game.umaPriceUsd();
    out[offset + 2] = cost;
    out[offset + 3] = settled == 0 ? Double.NaN : cost / worst;
    out[offset + 4] = game.captureStartsToPayAtUsd(bondUsd);
    out[offset + 5] = captures;
    out[offset + 6] = game.blockStakeUma() * game.umaPriceUsd() * game.bribeCostShare();
    out[offset + 7] = settled;
  }
}
