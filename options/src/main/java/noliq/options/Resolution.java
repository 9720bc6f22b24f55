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

  /** The question could not be resolved; {@code policy} says how the collateral is divided. */
  record Invalid(InvalidPolicy policy) implements Resolution {
    public Invalid {
      if (policy == null) {
        throw new RuleViolation("policy", "is required for an invalid resolution");
      }
    }
  }
}
