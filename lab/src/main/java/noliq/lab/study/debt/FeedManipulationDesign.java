package noliq.lab.study.debt;

import java.time.Duration;
import java.util.List;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.MetricSpec.Headline;
import noliq.lab.study.Trace;
import noliq.oracle.attack.FeedManipulation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The debt half of the oracle comparison: what pushing the fast feed a debt book depends on
 * extracts, against what it costs. On each path a book is drawn from the same population as the
 * debt book's, at the path's opening price, and attacked with {@link DebtOracleExposure}; the options half,
 * what corrupting a slow settlement costs, is {@code oracle.settlement-corruption}.
 *
 * @param book the debt book attacked (its population and liquidation bonus)
 * @param attack the manipulation: how far, how long, through how deep a pool
 */
public record FeedManipulationDesign(DebtBook book, DebtOracleExposure attack) implements DesignModel {

  /**
   * A 10% push held 10 minutes after a 30-minute TWAP fills, through a $10M-a-side 0.3% pool that
   * arbitrage pulls back every block (assumptions, of the order of the thin-pool TWAP attacks the
   * literature describes; vary them), against the default Aave book.
   */
  public static FeedManipulationDesign defaults() {
    return new FeedManipulationDesign(AaveBook.defaults(),
        new DebtOracleExposure(0.10, Duration.ofMinutes(10), Duration.ofMinutes(30), 10e6, 0.003, true));
  }

  @Override
  public String id() {
    return "oracle.feed-manipulation." + book.id();
  }

  @Override
  public String description() {
    return String.format("pushing the fast feed of the %s book %.0f%% for %d min through a $%,.0f-a-side pool", book.id(),
        100 * attack.deviation(), attack.hold().toMinutes(), attack.poolDepthUsd());
  }

  @Override
  public List<MetricSpec> metrics() {
    return List.of(
        new MetricSpec(id() + ".cost_usd", "USD", "what the push costs the attacker (fees and impact, every re-push)", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".debt_liquidatable_usd", "USD", "debt the pushed feed makes liquidatable", Headline.P95).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".extracted_usd", "USD", "what liquidating that debt yields the attacker at the true price: the bonus plus the feed's discount on the collateral", Headline.P95).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".net_usd", "USD", "extracted less cost", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        new MetricSpec(id() + ".pays", "indicator", "1 when the manipulation pays (net > 0)", Headline.SHARE).as(noliq.lab.study.MetricSpec.Role.ORACLE),
        MetricSpec.absentWhenNone(id() + ".cost_per_usd_exposed", "ratio", "cost per dollar of debt made liquidatable, beside the settlement capture's cost per dollar moved (NaN: nothing liquidatable)", Headline.MEAN).as(noliq.lab.study.MetricSpec.Role.ORACLE));
  }

  @Override
  public Run newRun() {
    return (path, rng, trace, out, offset) -> {
      FeedManipulation.Result r = attack.against(book, book.exposures(rng, path.price(0)), path.price(0));
      out[offset] = r.cost();
      out[offset + 1] = r.debtLiquidatable();
      out[offset + 2] = r.extracted();
      out[offset + 3] = r.net();
      out[offset + 4] = r.pays() ? 1 : 0;
      out[offset + 5] = r.debtLiquidatable() > 0 ? r.cost() / r.debtLiquidatable() : Double.NaN;
    };
  }
}
