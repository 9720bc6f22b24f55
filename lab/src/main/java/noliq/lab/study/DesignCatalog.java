package noliq.lab.study;

import java.util.ArrayList;
import java.util.List;
import noliq.lab.study.debt.DebtDesigns;
import noliq.lab.study.options.OptionsDesigns;

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
    all.addAll(OptionsDesigns.defaults());
    return List.copyOf(all);
  }
}
