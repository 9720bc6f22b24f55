package noliq.oracle;

import noliq.math.Price;

/**
 * An answer to a settlement question: the index value, or "this question cannot be resolved"
 * (UMA's and Reality.eth's INVALID), which the chosen invalid policy then turns into a payout.
 */
public sealed interface Answer {
  /** The index value x at maturity. */
  record Value(Price x) implements Answer {
    public Value {
      if (x == null) {
        throw new OracleException(new OracleError.Missing("value"));
      }
    }

    @Override
    public String toString() {
      return x.toString();
    }
  }

  /** The question has no valid answer (the data did not exist, or was ambiguous). */
  record Invalid() implements Answer {
    @Override
    public String toString() {
      return "INVALID";
    }
  }

  Answer INVALID = new Invalid();

  static Answer value(Price x) {
    return new Value(x);
  }
}
