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
        row("debt.borrowers.react_share", Double.toString(Behaviour.defaults().reactShare()),
            VARY + ": the share of borrowers who add collateral back to their opening health"),
        row("debt.borrowers.threshold", fmt("uniform on [%.2f, %.2f], at most the opening health",
            Behaviour.defaults().thresholdLow(), Behaviour.defaults().thresholdHigh()), VARY),
        row("debt.borrowers.reaction_delay", Behaviour.defaults().delay().toString(), VARY
            + ": the health must stay below the threshold this long (checked at step ends) before the top-up"),
        row("debt.borrowers.not_modelled", "repayments, reopening after a liquidation, interest (Aave rate strategy, "
            + "Maker stability fee, Liquity v2 user rates)", "not modelled: the books' debts do not accrue"));
  }

  private static Assumption row(String name, String value, String source) {
    return new Assumption("debt", name, value, source);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
