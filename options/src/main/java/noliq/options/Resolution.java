package noliq.options;

import noliq.math.Price;
import noliq.math.RuleViolation;

/** What the settlement oracle finally says about a series' index at maturity. */
public sealed interface Resolution permits Resolution.Value, Resolution.Invalid {

  /** The index value x at maturity (index units per ETH). */
  record Value(Price x) implements Resolution {
    public Value {
      if (x == null) {
        throw new RuleViolation("x", "is required");
      }
    }
  }

  /**
   * The question could not be resolved. How the collateral divides is the series' own
   * {@link Series#invalidPolicy() policy}, not this one: {@code policy} tells the ledger only
   * whether the oracle's INVALID is final. {@code FALLBACK} means the oracle referred the question
   * to a heavier oracle that has not answered (nothing settles); {@code HALF_HALF} or
   * {@code THIRD_OUTCOME} mean it is finally invalid, and the series pays by its policy. A settled
   * series records {@code Invalid(series' policy)}, the policy actually applied.
   */
  record Invalid(InvalidPolicy policy) implements Resolution {
    public Invalid {
      if (policy == null) {
        throw new RuleViolation("policy", "is required for an invalid resolution");
      }
    }
  }
}
