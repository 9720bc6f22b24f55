package noliq.options;

import java.math.BigInteger;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;

/**
 * How 1 ETH of collateral divides between P and N once the index value x is known, like UMA's
 * financial product libraries. A payoff gives P's share per unit, rounded {@link Rounding#DOWN};
 * N gets exactly the rest, so each pair's two shares sum to exactly 1 ETH.
 */
public sealed interface Payoff permits Payoff.CoveredCall, Payoff.LinearRange, Payoff.Binary {

  /**
   * P's payout in ETH per 1 P at index value {@code x >= 0}, in {@code [0, 1]}, rounded down. At
   * {@code x = 0} every payoff gives P the whole 1 ETH (x is at or below any positive strike).
   */
  Amount pPayoutPerUnit(Price x, Price strike);

  /** N's payout per 1 N: exactly {@code 1 - P's}. */
  default Amount nPayoutPerUnit(Price x, Price strike) {
    return Amount.ONE.minus(pPayoutPerUnit(x, strike));
  }

  /** A stable text naming the payoff and its parameters; part of the series id. */
  String canonical();

  /** Checks the payoff's parameters against the series' strike, naming the field at fault. */
  default void validate(Price strike) {}

  /**
   * The post's split: P gets {@code min(1, S/x)} ETH (worth {@code min(x, S)} index units, a covered
   * call) and N gets {@code max(0, 1 - S/x)} (worth {@code max(0, x - S)}, a call). UMA's
   * RangeBond with no upper bound. Rounding: {@code S/x} rounded down, so dust goes to N.
   */
  record CoveredCall() implements Payoff {
    @Override
    public Amount pPayoutPerUnit(Price x, Price strike) {
      if (x.compareTo(strike) <= 0) {
        return Amount.ONE;
      }
      return Amount.ofWei(Exact.mulDiv(strike.units(), Exact.WAD, x.units(), Rounding.DOWN));
    }

    @Override
    public String canonical() {
      return "covered-call";
    }
  }

  /**
   * A linear range (UMA's Linear library from P's side): P gets 1 ETH at or below the strike, 0 at or
   * above {@code upper}, and {@code (upper - x) / (upper - S)} in between, rounded down.
   */
  record LinearRange(Price upper) implements Payoff {
    public LinearRange {
      if (upper == null) {
        throw new RuleViolation("upper", "is required for a linear range payoff");
      }
    }

    @Override
    public Amount pPayoutPerUnit(Price x, Price strike) {
      if (x.compareTo(strike) <= 0) {
        return Amount.ONE;
      }
      if (x.compareTo(upper) >= 0) {
        return Amount.ZERO;
      }
      BigInteger share = Exact.mulDiv(upper.units().subtract(x.units()), Exact.WAD,
          upper.units().subtract(strike.units()), Rounding.DOWN);
      return Amount.ofWei(share);
    }

    @Override
    public void validate(Price strike) {
      if (upper.compareTo(strike) <= 0) {
        throw new RuleViolation("upper", "must be above the strike " + strike + " (was " + upper + ")");
      }
    }

    @Override
    public String canonical() {
      return "linear-range:" + upper.units();
    }
  }

  /** A binary: P gets 1 ETH when {@code x <= S}, N gets 1 ETH when {@code x > S}. Exact, no rounding. */
  record Binary() implements Payoff {
    @Override
    public Amount pPayoutPerUnit(Price x, Price strike) {
      return x.compareTo(strike) <= 0 ? Amount.ONE : Amount.ZERO;
    }

    @Override
    public String canonical() {
      return "binary";
    }
  }
}
