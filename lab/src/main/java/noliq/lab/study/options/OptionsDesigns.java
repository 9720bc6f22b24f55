package noliq.lab.study.options;

import java.util.ArrayList;
import java.util.List;
import noliq.lab.study.DesignModel;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.policy.Policies;
import noliq.wrapper.port.Mechanism;

/** The options side of the study as {@code noliq compare} runs it. */
public final class OptionsDesigns {
  /** The local agent's default: Kyrrui's policy by patient resting orders (AgentConfig.of's mechanism). */
  public static final String AGENT_POLICY = KyrruiTracker.NAME;

  private OptionsDesigns() {}

  /**
   * Every policy ({@link Policies#NAMES}) × every mechanism for the vault, the local agent with its
   * default policy, the N holder, and the settlement-corruption cost, with the default assumptions.
   */
  public static List<DesignModel> defaults() {
    return defaults(OptionsAssumptions.DEFAULTS);
  }

  public static List<DesignModel> defaults(OptionsAssumptions a) {
    List<DesignModel> out = new ArrayList<>();
    for (String policy : Policies.NAMES) {
      for (Mechanism m : Mechanism.values()) {
        out.add(new WrapperVaultDesign(policy, m, a));
      }
    }
    out.add(new LocalAgentDesign(AGENT_POLICY, Mechanism.RESTING_ORDERS, a));
    out.add(new NHolderDesign(NHolderDesign.DEFAULT_POLICY, Mechanism.DUTCH_AUCTION, a));
    out.add(new SettlementCorruptionCost(a.settlement(), SlowOracle.UMA_BOND.toDouble(), SettlementCorruptionCost.DEFAULT.tenorDays()));
    return List.copyOf(out);
  }
}
