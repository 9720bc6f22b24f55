package noliq.lab.study.debt;

import java.util.List;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.MetricSpec.Headline;
import noliq.lab.study.MetricSpec.Loss;
import noliq.lab.study.MetricSpec.Role;
import noliq.lab.study.MetricSpec.Support;

/** The per-path figures every debt book reports, in this order, prefixed by the book's id. */
public final class DebtMetrics {
  private DebtMetrics() {}

  public static final int LIQUIDATED_USD = 0;
  public static final int INSOLVENT_USD = 1;
  public static final int BAD_DEBT_USD = 2;
  public static final int PENALTIES_USD = 3;
  public static final int LIQUIDATIONS = 4;
  public static final int BORROWER_PNL_PCT = 5;
  public static final int BORROWER_RUINED_PCT = 6;
  public static final int BORROWER_RUIN = 7;
  public static final int CASCADE_AMPLIFICATION = 8;
  public static final int STABLE_LOSS_PCT = 9;
  public static final int MIN_PRICE_USD = 10;
  public static final int BOOK_DEBT_USD = 11;
  public static final int LIQUIDATED_PCT_BOOK = 12;
  public static final int INSOLVENT_PCT_BOOK = 13;
  public static final int PENALTIES_PCT_BOOK = 14;
  public static final int KEEPER_PNL_USD = 15;
  public static final int KEEPER_PNL_PCT_CAPITAL = 16;
  public static final int FORCED_PCT_DAY_VOLUME_MAX = 17;
  public static final int FORCED_PCT_DAY_VOLUME_MEAN = 18;
  public static final int FORCED_DAYS = 19;
  public static final int COUNT = 20;

  /** A borrower is ruined when it has lost at least this fraction of its initial equity. */
  public static final double RUIN_FRACTION = 0.5;

  public static List<MetricSpec> of(String id) {
    return List.of(
        new MetricSpec(id + ".liquidated_usd", "USD",
            "liquidation volume: debt repaid or seized by liquidations (P95 = LaR95, Gauntlet)", Headline.P95).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".insolvent_usd", "USD",
            "insolvent debt: bad debt written off plus, at the path's end, the sum over insolvent accounts of "
                + "(debt - collateral value) (P95 = VaR95, Gauntlet)", Headline.P95).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".bad_debt_usd", "USD", "debt the liquidated collateral did not cover", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".penalties_usd", "USD",
            "penalties borrowers paid: collateral taken at the market price less the debt it repaid", Headline.MEAN).as(Role.LEVERAGED_HOLDER).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".liquidations", "count", "liquidation calls (Aave), barks (Maker), troves (Liquity)",
            Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".borrower_pnl_pct", "%",
            "mean borrower P&L over the path, in % of its initial equity (collateral value - debt)", Headline.MEAN).lossOf(Role.LEVERAGED_HOLDER, Loss.GAIN),
        new MetricSpec(id + ".borrower_ruined_pct", "%",
            "share of borrowers that lost at least " + (int) (RUIN_FRACTION * 100) + "% of their equity", Headline.MEAN).as(Role.LEVERAGED_HOLDER).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".borrower_ruin", "indicator",
            "1 when the borrowers together lost at least " + (int) (RUIN_FRACTION * 100) + "% of their equity",
            Headline.SHARE).as(Role.LEVERAGED_HOLDER),
        new MetricSpec(id + ".cascade_amplification", "ratio",
            "drawdown of the endogenous (impact fed back) price over that of the exogenous path", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".stable_loss_pct", "%",
            "bad debt per unit of stablecoin supply: what stablecoin holders lose", Headline.MEAN).within(Support.NON_NEGATIVE).lossOf(Role.STABLE_HOLDER, Loss.LOSS),
        new MetricSpec(id + ".min_price_usd", "USD", "lowest endogenous price the protocol's market saw",
            Headline.MEAN).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".book_debt_usd", "USD",
            "the book's debt at the path's start (the representatives' debt times their weight)", Headline.MEAN).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".liquidated_pct_book", "%", "liquidation volume in % of the book's initial debt",
            Headline.P95).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".insolvent_pct_book", "%", "insolvent debt in % of the book's initial debt", Headline.P95)
            .as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".penalties_pct_book", "%", "penalties in % of the book's initial debt", Headline.MEAN)
            .as(Role.LEVERAGED_HOLDER).within(Support.NON_NEGATIVE),
        new MetricSpec(id + ".keeper_pnl_usd", "USD",
            "liquidators' or keepers' P&L: collateral sold at once at the impacted market price plus protocol "
                + "incentives, less debt repaid (DAI paid) and gas", Headline.MEAN).as(Role.LIQUIDITY_PROVIDER),
        new MetricSpec(id + ".keeper_pnl_pct_capital", "%",
            "liquidators' or keepers' P&L in % of the capital they hold for it", Headline.MEAN)
            .lossOf(Role.LIQUIDITY_PROVIDER, Loss.GAIN),
        new MetricSpec(id + ".forced_pct_day_volume_max", "%", "forced sales (seized ETH sold) on the path's worst UTC day, in % of "
            + "that day's ETH volume: Binance ETH/USDT's on history, the fitted volume model's on generated paths (TradedVolume), "
            + "times cascade.marketVolumeMultiple (absent when the path has no volume)", Headline.P95, true, Role.SYSTEM,
            Support.NON_NEGATIVE, Loss.NONE),
        new MetricSpec(id + ".forced_pct_day_volume_mean", "%", "forced sales in % of the day's ETH volume, averaged over the path's "
            + "days with a forced sale (absent when there were none)", Headline.MEAN, true, Role.SYSTEM, Support.NON_NEGATIVE,
            Loss.NONE),
        new MetricSpec(id + ".forced_days", "count", "UTC days with a forced sale", Headline.MEAN, true, Role.SYSTEM,
            Support.NON_NEGATIVE, Loss.NONE));
  }

  /** The Liquity book's extra figure, after the common ones. */
  public static final int SP_DEPOSITOR_PNL_PCT = COUNT;

  /** The common figures and, for Liquity, the Stability Pool depositors'. */
  public static List<MetricSpec> withStabilityPool(String id) {
    List<MetricSpec> out = new java.util.ArrayList<>(of(id));
    out.add(new MetricSpec(id + ".sp_depositor_pnl_pct", "%",
        "Stability Pool depositors' P&L: collateral gained at the market price less stablecoin burned, in % of "
            + "their deposits", Headline.MEAN).as(Role.LIQUIDITY_PROVIDER));
    return List.copyOf(out);
  }
}
