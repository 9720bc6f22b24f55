package noliq.lab.study;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import noliq.lab.study.debt.AaveBook;
import noliq.lab.study.debt.Cascade;
import noliq.lab.study.debt.Congestion;
import noliq.lab.study.debt.DebtAssumptions;
import noliq.lab.study.debt.LiquityBook;
import noliq.lab.study.debt.MakerBook;
import noliq.lab.study.debt.FeedManipulationDesign;
import noliq.lab.study.debt.Liquidators;
import noliq.lab.study.debt.Population;
import noliq.lab.study.options.OptionsAssumptions;
import noliq.lab.study.options.OptionsDesigns;
import noliq.lab.study.options.RollingDesign;
import noliq.lab.study.options.SettlementCorruptionCost;
import noliq.market.roll.RollAssumptions;

/**
 * The designs a study runs, from a single place: the debt books ({@code noliq.lab.study.debt}:
 * Aave, Maker, Liquity with liquidators and the forced-sale cascade) and the options designs
 * ({@code noliq.lab.study.options}: P-wrapper vaults for every policy and roll mechanism, a local
 * agent, N holders, and the settlement-corruption cost), in the order the report shows them.
 */
public final class DesignCatalog {
  private DesignCatalog() {}

  /** Every design of the study, in the order the report shows them. */
  public static List<DesignModel> defaults() {
    return of(StudyParameters.DEFAULTS);
  }

  /** Every design of the study built from {@code p}, in the order the report shows them. */
  public static List<DesignModel> of(StudyParameters p) {
    List<DesignModel> all = new ArrayList<>(List.of(
        new AaveBook(p.population(), p.liquidators(), p.cascade(), p.behaviour(), p.interest()),
        new MakerBook("maker", p.population(), p.liquidators(), p.cascade(), Congestion.NONE, p.behaviour(), p.interest()),
        new LiquityBook(p.population(), p.liquidators(), p.cascade(), p.liquityPoolShare(), p.behaviour(), p.interest()),
        new MakerBook("maker.congested", p.population(), p.liquidators(), p.cascade(), Congestion.blackThursday(288),
            p.behaviour(), p.interest())));
    all.add(new FeedManipulationDesign(new AaveBook(p.population(), p.liquidators(), p.cascade(), p.behaviour(), p.interest()),
        p.feedAttack()));
    all.addAll(OptionsDesigns.defaults(p.options()));
    return List.copyOf(all);
  }

  /**
   * What each design of {@link #of} is built from: two parameter sets give a design the same
   * inputs exactly when it is the same design, so its results can be shared between them (a sweep
   * runs it once). Keyed by design id, in catalog order; a design missing here is never shared.
   */
  public static Map<String, Object> inputs(StudyParameters p) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> debt = List.of(p.population(), p.liquidators(), p.cascade(), p.behaviour(), p.interest());
    for (DesignModel d : of(p)) {
      String id = d.id();
      if (id.equals("aave") || id.equals("maker") || id.equals("maker.congested")) {
        out.put(id, debt);
      } else if (id.equals("liquity")) {
        out.put(id, List.of(debt, p.liquityPoolShare()));
      } else if (id.startsWith("oracle.feed-manipulation.")) {
        out.put(id, List.of(debt, p.feedAttack()));
      } else if (d instanceof RollingDesign r) {
        out.put(id, p.options().readBy(r.mechanism()));
      } else if (d instanceof SettlementCorruptionCost constant) {
        out.put(id, constant); // built from constants alone
      }
    }
    return out;
  }

  /** One stated modelling assumption of the default designs, with its source or "assumption". */
  public record Assumption(String area, String name, String value, String source) {}

  /**
   * Every stated assumption the default designs run on, for the report: figures such as an AMM
   * roll's cost follow from them (pool depth, maker edge, natural flow), so they are printed with
   * the results, never hidden in code.
   */
  public static List<Assumption> assumptions() {
    List<Assumption> out = new ArrayList<>();
    String unfitted = "assumption: stated, not fitted, not tuned (see its javadoc); vary it";
    out.add(new Assumption("debt", "population", Population.defaults().toString(),
        "fitted on Maker ETH-B events (EthBCalibration, refit by its test) for the size and health laws; positions, "
            + "bookDebtUsd and minDebtUsd stated (see the debt.* rows below); vary them"));
    out.add(new Assumption("debt", "liquidators", Liquidators.defaults().toString(), unfitted));
    out.add(new Assumption("oracle", "feed manipulation", FeedManipulationDesign.defaults().attack().toString(),
        "assumption: a thin-pool TWAP push of the order the literature describes; vary it"));
    out.add(new Assumption("debt", "cascade", Cascade.defaults().toString(),
        "impact calibrated to Maker's $35M = 4.0% (2021) and OECD (2023); feed 0.5% / 1 h as Chainlink ETH/USD"));
    out.add(new Assumption("scenarios", "tradedVolume", String.format(java.util.Locale.ROOT,
        "ln day volume (ETH) = %.4f + %.4f ln rv + %.4f ln price + e, e AR(1) %.4f, sd %.4f", noliq.lab.scenarios.TradedVolume.INTERCEPT,
        noliq.lab.scenarios.TradedVolume.RV_ELASTICITY, noliq.lab.scenarios.TradedVolume.PRICE_ELASTICITY,
        noliq.lab.scenarios.TradedVolume.RESIDUAL_AR, noliq.lab.scenarios.TradedVolume.RESIDUAL_SD),
        "generated paths' traded volume, fitted on " + noliq.lab.scenarios.TradedVolume.FIT_DAYS + " whole UTC days of the shipped "
            + "Binance ETH/USDT bars from " + noliq.lab.scenarios.TradedVolume.FIT_FROM + " (TradedVolumeTest refits it); history "
            + "replays use the bars' own volume; both are Binance ETH/USDT's alone (cascade.marketVolumeMultiple scales it)"));
    out.add(new Assumption("debt", "liquity.poolShare", Double.toString(LiquityBook.DEFAULT_POOL_SHARE),
        "Liquity v1's pool held roughly 40-80% of LUSD supply through 2021-2023 (Liquity dashboards); assumption: vary it"));
    out.add(new Assumption("debt", "borrowers", noliq.lab.study.debt.Behaviour.defaults().toString(),
        "fitted on Maker ETH-B events (EthBCalibration.fitReactions, refit by its test); see debt.borrowers.* below; vary them"));
    out.add(new Assumption("debt", "interest", noliq.lab.study.debt.Interest.defaults().toString(),
        "Aave and Maker from dated governance actions, Liquity v2 stated; see debt.interest.* below; vary them"));
    out.addAll(DebtAssumptions.rows());
    for (RollAssumptions.Assumption a : RollAssumptions.DEFAULTS.describe()) {
      out.add(new Assumption("roll markets", a.name(), a.value(), a.source()));
    }
    for (RollAssumptions.Assumption a : OptionsAssumptions.DEFAULTS.describe()) {
      out.add(new Assumption("options", a.name(), a.value(), a.source()));
    }
    String models = "model parameter: the standard model of Scenarios.model (lab.scenarios)";
    for (String name : List.of("garchVolatility", "gbmVolatility", "mertonVolatility", "mertonJumpsPerYear", "mertonJumpMean",
        "mertonJumpStd")) {
      out.add(new Assumption("scenarios", name, Assumptions.format(Assumptions.binding("scenarios", name).defaultValue()),
          name.equals("garchVolatility") ? "GARCH(1,1)-t fitted " + noliq.lab.scenarios.FittedModels.FIT_DATE + " on "
              + noliq.lab.scenarios.FittedModels.DATA_SPAN + ": omega / (1 - alpha - beta), annualised" : models));
    }
    return List.copyOf(out);
  }
}
