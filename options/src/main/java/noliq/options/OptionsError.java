package noliq.options;

import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.Token;

/**
 * Why the ledger refused an operation. Each names the field at fault and the rule it broke; a
 * refused operation changed nothing. (Too small a balance is the book's
 * {@link noliq.math.book.InsufficientBalance}.)
 */
public sealed interface OptionsError {
  String field();

  String rule();

  record NonPositiveAmount(Amount was) implements OptionsError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "must be positive (was " + was + ")";
    }
  }

  record UnknownSeries(SeriesId id) implements OptionsError {
    public String field() {
      return "series";
    }

    public String rule() {
      return "no series " + id + " is listed";
    }
  }

  record UnknownToken(Token token) implements OptionsError {
    public String field() {
      return "token";
    }

    public String rule() {
      return "is not ETH nor a leg of a listed series (was " + token + ")";
    }
  }

  record SeriesIdCollision(SeriesId id) implements OptionsError {
    public String field() {
      return "series";
    }

    public String rule() {
      return "id " + id + " already names a different series";
    }
  }

  record NotMatured(SeriesId id, Instant maturity, Instant now) implements OptionsError {
    public String field() {
      return "now";
    }

    public String rule() {
      return "series " + id + " matures at " + maturity + "; it cannot settle before then (now " + now + ")";
    }
  }

  record AlreadySettled(SeriesId id) implements OptionsError {
    public String field() {
      return "series";
    }

    public String rule() {
      return "series " + id + " is already settled; it settles once";
    }
  }

  record NotFinalized(SeriesId id) implements OptionsError {
    public String field() {
      return "oracle";
    }

    public String rule() {
      return "has no final value for series " + id + " yet; settle after the oracle finalises";
    }
  }

  record NotSettled(SeriesId id) implements OptionsError {
    public String field() {
      return "series";
    }

    public String rule() {
      return "series " + id + " is not settled yet; redeem after settlement, or merge P with N at any time";
    }
  }

  /** Only a series with the {@link InvalidPolicy#THIRD_OUTCOME} policy has the I leg. */
  record NoSuchLeg(SeriesId id, Leg leg, InvalidPolicy policy) implements OptionsError {
    public String field() {
      return "leg";
    }

    public String rule() {
      return "series " + id + " has no " + leg + " leg: only a series listed with the THIRD_OUTCOME invalid policy"
          + " has I (this one's policy is " + policy + ")";
    }
  }
}
