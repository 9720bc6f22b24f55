package noliq.lab.study.debt;

import java.util.List;
import java.util.Locale;
import noliq.lab.scenarios.BridgeLows;
import noliq.lab.study.DesignCatalog.Assumption;
import noliq.lab.study.StudyScenario;

/**
 * Every stated assumption of the debt books, each with a stable name (so a sweep can override it by
 * name), its value and its source, or "assumption: vary it".
 */
public final class DebtAssumptions {
  private static final String VARY = "assumption: vary it";

  private DebtAssumptions() {}

  /** The names of {@link #rows()}: rules and provenance, printed but not overridable one by one. */
  public static java.util.Set<String> names() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    rows().forEach(a -> out.add(a.name()));
    return out;
  }

  public static List<Assumption> rows() {
    Population p = Population.defaults();
    EthBCalibration.Fit f = p.fit();
    Congestion c = Congestion.blackThursday(288);
    Interest i = Interest.defaults();
    return List.of(
        row("debt.population.fit", fmt("N(%.4f, %.4f): median %.0f USD", f.logDebtMean(), f.logDebtSd(), f.medianDebt()),
            "fitted on " + f.observations() + " Maker ETH-B borrow events (maker/ethb_*.csv, 2020-10 to 2023-01) at or "
                + "above the 30,000 DAI dust; EthBCalibrationTest refits it (overridable as population.logDebtMean...)"),
        row("debt.population.health_fit", fmt("ln(h - 1) ~ N(%.4f, %.4f): median h %.3f", f.logExcessHealthMean(),
            f.logExcessHealthSd(), f.medianHealth()),
            "fitted on the same events: health = collateral x last hourly close / (debt x 1.3) right after each borrow"),
        row("debt.population.mapping", "same USD collateral and health h on every book; debt = collateral / (r x h), "
            + "r = 1/0.83 (Aave), 1.3 (Maker), 1.1 (Liquity)", "stated: each borrower is liquidated after the same fall, 1 - 1/h"),
        row("debt.population.random_stream", DebtBook.RANDOM_STREAM,
            "the three books draw from one stream: same borrowers and keepers on every path (paired differences)"),
        row("debt.liquidators.capital_scaling", "each bot's float / the representatives' weight",
            "stated: the bots finance the same share of the scaled book as of the real one"),
        row("debt.maker.hole_scaling", "Dog Hole 100M and ETH-B hole 15M DAI, each / the weight",
            "forum (2021-07) values, held by the real book; the representatives carry 1/weight of it"),
        row("debt.congestion.black_thursday", fmt("gas = %.0f gwei x exp(%.2f x fall from the %d-step high)",
            c.baseGwei(), c.sensitivity(), c.lookbackSteps()),
            VARY + ": x10 (to 200 gwei, the top of the bots' range) after a 30% fall; only in maker.congested"),
        row("debt.intrabar_lows.window", Integer.toString(BridgeLows.WINDOW),
            "steps in the local realised variance that sets each model step's Brownian-bridge minimum; " + VARY),
        row("debt.replay_populations", Integer.toString(StudyScenario.REPLAY_POPULATIONS),
            "populations drawn on each crash window's replay (the whole-history replay stays one)"),
        row("debt.borrowers.fit", fmt("react %.3f, repay %.3f of reactions, health at reaction %.3f to %.3f, delay %.0f h, "
            + "reopen %.3f", Behaviour.defaults().reactShare(), Behaviour.defaults().repayShare(),
            Behaviour.defaults().thresholdLow(), Behaviour.defaults().thresholdHigh(),
            EthBCalibration.COMMITTED_REACTIONS.medianDelayHours(), Behaviour.defaults().reopenProbability()),
            "fitted on the Maker ETH-B events (EthBCalibration.fitReactions: " + EthBCalibration.COMMITTED_REACTIONS.episodes()
                + " episodes below health 1.2, " + EthBCalibration.COMMITTED_REACTIONS.reacted() + " reacted, "
                + EthBCalibration.COMMITTED_REACTIONS.repaid() + " by repaying; " + EthBCalibration.COMMITTED_REACTIONS.reopenedVaults()
                + " of " + EthBCalibration.COMMITTED_REACTIONS.liquidatedVaults() + " liquidated vaults borrowed again, a lower bound); "
                + "refit by EthBCalibrationTest; overridable as borrowers.*"),
        row("debt.borrowers.rule", "below its threshold for the delay, a reacting borrower repays or adds collateral back to its "
            + "opening health; a liquidated one reopens after the delay with a fresh draw of the population at the oracle price",
            "stated; the delay runs from the personal threshold (the fit measured it from the 1.2 crossing)"),
        row("debt.interest.aave", fmt("USDC curve: optimal %.0f%%, base %.1f%%, slope1 %.1f%%, slope2 %.0f%%, reserve factor %.0f%%",
            100 * i.aaveOptimalUsage(), 100 * i.aaveBaseRate(), 100 * i.aaveSlope1(), 100 * i.aaveSlope2(), 100 * i.aaveReserveFactor()),
            "Aave v3 Ethereum USDC from 2025-02-03 (bgd-labs/aave-proposals-v3 diff, slope1 11.5% -> 9.5%); "
                + "DefaultReserveInterestRateStrategyV2 on utilisation, MathUtils' 3-term compounding; overridable as interest.aave*"),
        row("debt.interest.maker", fmt("ETH-B stability fee %.2f%% a year (duty %s)", 100 * i.makerFeePerYear(), i.makerDuty()),
            "executive spell of 2022-02-04 (ETH-B 6.5% -> 4%), jug.drip's rpow; overridable as interest.makerFee"),
        row("debt.interest.liquity", fmt("user-set rates: median %.1f%%, log-sd %.2f, on a %.1f%% grid within [0.5%%, 250%%]",
            100 * i.liquityMedianRate(), i.liquityRateLogSd(), Interest.LIQUITY_RATE_STEP_PCT),
            VARY + ": no Liquity v2 trove data in the project; simple interest between touches (TroveManager._calcInterest)"),
        row("debt.interest.accrual", "every " + i.accrualInterval().toHours() + " h on the path (Liquity troves also when touched)",
            "stated: a position's debt lags the contract's by at most one interval's interest (0.18% of debt a week at 9.3%); "
                + "weekly because Aave's accrual passes over every debt; overridable as interest.accrualInterval"));
  }

  private static Assumption row(String name, String value, String source) {
    return new Assumption("debt", name, value, source);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
