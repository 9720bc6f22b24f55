package noliq.market;

import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;

/** Why a market operation was refused. Each reason names the field at fault and the rule it broke. */
public sealed interface MarketError {
  String field();

  String rule();

  /** An amount or price that must be positive was zero. */
  record NotPositive(String field, Object was) implements MarketError {
    public String rule() {
      return "must be positive (was " + was + ")";
    }
  }

  /** A parameter outside its allowed range. */
  record OutOfRange(String field, String range, Object was) implements MarketError {
    public String rule() {
      return "must be " + range + " (was " + was + ")";
    }
  }

  /** A token this market does not trade. */
  record UnknownToken(String field, Token token, String market) implements MarketError {
    public String rule() {
      return "token " + token + " is not traded by " + market;
    }
  }

  /** No auction or order with that id. */
  record UnknownId(String field, long id) implements MarketError {
    public String rule() {
      return "no such id " + id;
    }
  }

  /** The market stopped trading at its halt time (a series' maturity). */
  record Halted(String market, Instant haltAt, Instant now) implements MarketError {
    public String field() {
      return "now";
    }

    public String rule() {
      return market + " halted at " + haltAt + " (now " + now + ")";
    }
  }

  /** A trade would give less than the caller's own minimum. */
  record SlippageExceeded(String field, Amount limit, Amount actual) implements MarketError {
    public String rule() {
      return "trade gives " + actual + ", below the minimum " + limit;
    }
  }

  /** A trade too small to give anything after rounding. */
  record NothingOut(String field, Amount amountIn) implements MarketError {
    public String rule() {
      return "too small: " + amountIn + " would receive nothing after rounding";
    }
  }

  /** The pool has no liquidity, or the trade would take more than it may hold out. */
  record InsufficientLiquidity(String market, String detail) implements MarketError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "exceeds the liquidity of " + market + " (" + detail + ")";
    }
  }

  /** The auction or order is no longer open. */
  record NotOpen(String field, long id, String status) implements MarketError {
    public String rule() {
      return id + " is not open (" + status + ")";
    }
  }

  /** The auction ran past its end. */
  record Expired(String field, long id, Instant endedAt, Instant now) implements MarketError {
    public String rule() {
      return "auction " + id + " expired at " + endedAt + " (now " + now + ")";
    }
  }

  /** A price limit that the mechanism's curve does not reach at this moment. */
  record PriceOutsideCurve(String field, Price limit, Price current) implements MarketError {
    public String rule() {
      return "limit " + limit + " is outside the curve (current price " + current + ")";
    }
  }

  /** A trade whose two sides are the same account. */
  record SelfTrade(String field, AccountId account) implements MarketError {
    public String rule() {
      return "would trade " + account + " against itself";
    }
  }

  /** Only the owner may do this. */
  record NotOwner(String field, AccountId caller, AccountId owner) implements MarketError {
    public String rule() {
      return caller + " is not the owner (" + owner + ")";
    }
  }

  /** Both tokens of a pair are the same. */
  record SameToken(String field, Token token) implements MarketError {
    public String rule() {
      return "must differ from the other token (both " + token + ")";
    }
  }
}
