package noliq.wrapper.vault;

import java.time.Instant;
import noliq.math.Amount;
import noliq.options.SeriesId;

/** Why the vault refused an operation. Each names the field at fault and the rule; nothing changed. */
public sealed interface VaultError {
  String field();

  String rule();

  record NonPositiveAmount(String field, Amount was) implements VaultError {
    public String rule() {
      return "must be positive (was " + was + ")";
    }
  }

  record InsufficientShares(Amount held, Amount asked) implements VaultError {
    public String field() {
      return "shares";
    }

    public String rule() {
      return "exceeds the shares held (asked " + asked + ", holds " + held + ")";
    }
  }

  record TooSmall(Amount eth) implements VaultError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "is too small to mint a share (was " + eth + " ETH)";
    }
  }

  record RollNotDue(String why) implements VaultError {
    public String field() {
      return "roll";
    }

    public String rule() {
      return "is not allowed now: " + why;
    }
  }

  record RollDue(String why) implements VaultError {
    public String field() {
      return "deposit";
    }

    public String rule() {
      return "is closed until someone calls roll: " + why;
    }
  }

  record TradeUnfilled(String why) implements VaultError {
    public String field() {
      return "n-handling";
    }

    public String rule() {
      return "the N sale found no taker, so the deposit was refused: " + why;
    }
  }

  record NotHeld(SeriesId series) implements VaultError {
    public String field() {
      return "series";
    }

    public String rule() {
      return "the vault holds no P of series " + series;
    }
  }

  record NotMatured(SeriesId series, Instant maturity) implements VaultError {
    public String field() {
      return "series";
    }

    public String rule() {
      return "series " + series + " matures at " + maturity + "; it settles after that";
    }
  }

  record VenueBrokeContract(String what) implements VaultError {
    public String field() {
      return "venue";
    }

    public String rule() {
      return "broke the RollVenue contract: " + what;
    }
  }
}
