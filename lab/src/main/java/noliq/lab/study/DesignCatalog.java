package noliq.lab.study;

import java.util.ArrayList;
import java.util.List;
import noliq.lab.study.debt.DebtAssumptions;
import noliq.lab.study.debt.DebtDesigns;
import noliq.lab.study.debt.FeedManipulationDesign;
import noliq.lab.study.options.OptionsAssumptions;
import noliq.lab.study.options.OptionsDesigns;
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
    List<DesignModel> all = new ArrayList<>(DebtDesigns.defaults());
    all.add(FeedManipulationDesign.defaults());
    all.addAll(OptionsDesigns.defaults());
    return List.copyOf(all);
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
    out.addAll(DebtAssumptions.rows());
    out.add(new Assumption("oracle", "feed manipulation", FeedManipulationDesign.defaults().attack().toString(),
        "assumption: a thin-pool TWAP push of the order the literature describes; vary it"));
    for (RollAssumptions.Assumption a : RollAssumptions.DEFAULTS.describe()) {
      out.add(new Assumption("roll markets", a.name(), a.value(), a.source()));
    }
    for (RollAssumptions.Assumption a : OptionsAssumptions.DEFAULTS.describe()) {
      out.add(new Assumption("options", a.name(), a.value(), a.source()));
    }
    return List.copyOf(out);
  }
}
