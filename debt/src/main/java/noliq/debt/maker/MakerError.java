package noliq.debt.maker;

/**
 * Why the Maker engine refused an operation. Each reason names the field at fault and the rule
 * it broke; where dss has a revert string for the same rule, the rule quotes it.
 */
public sealed interface MakerError {
  /** The field, parameter or argument at fault. */
  String field();

  /** The rule broken, phrased so that {@code field + ": " + rule} reads as a sentence. */
  String rule();

  record BadParameter(String field, String rule) implements MakerError {}

  record UnknownIlk(String ilk) implements MakerError {
    public String field() {
      return "ilk";
    }

    public String rule() {
      return "unknown collateral type '" + ilk + "'";
    }
  }

  record DuplicateIlk(String ilk) implements MakerError {
    public String field() {
      return "ilk";
    }

    public String rule() {
      return "collateral type '" + ilk + "' already exists";
    }
  }

  record NegativeAmount(String field, java.math.BigInteger was) implements MakerError {
    public String rule() {
      return "must not be negative (was " + was + ")";
    }
  }

  record NonPositiveAmount(String field, java.math.BigInteger was) implements MakerError {
    public String rule() {
      return "must be positive (was " + was + ")";
    }
  }

  record NonPositivePrice(String field) implements MakerError {
    public String rule() {
      return "must be positive (was 0)";
    }
  }

  record NoPrice(String ilk) implements MakerError {
    public String field() {
      return "ilk";
    }

    public String rule() {
      return "'" + ilk + "' has no oracle price yet (poke it first; Clipper/invalid-price)";
    }
  }

  record NotSafe(String urn) implements MakerError {
    public String field() {
      return "dart";
    }

    public String rule() {
      return "would leave vault " + urn + " unsafe (Vat/not-safe)";
    }
  }

  record Dusty(String urn) implements MakerError {
    public String field() {
      return "dart";
    }

    public String rule() {
      return "would leave vault " + urn + " with debt below the dust (Vat/dust)";
    }
  }

  record Insufficient(String field, String what, java.math.BigInteger needed, java.math.BigInteger available)
      implements MakerError {
    public String rule() {
      return "exceeds " + what + " (needs " + needed + ", has " + available + ")";
    }
  }

  record NotUnsafe(String urn) implements MakerError {
    public String field() {
      return "urn";
    }

    public String rule() {
      return "vault " + urn + " is safe, so it cannot be liquidated (Dog/not-unsafe)";
    }
  }

  record LiquidationLimitHit(String ilk) implements MakerError {
    public String field() {
      return "ilk";
    }

    public String rule() {
      return "no room under Hole or the hole of '" + ilk + "' (Dog/liquidation-limit-hit)";
    }
  }

  record DustyAuctionFromPartialLiquidation(String urn) implements MakerError {
    public String field() {
      return "urn";
    }

    public String rule() {
      return "the room left would start an auction below the dust (Dog/dusty-auction-from-partial-liquidation)";
    }
  }

  record NullAuction(String urn) implements MakerError {
    public String field() {
      return "urn";
    }

    public String rule() {
      return "the auction would sell no collateral (Dog/null-auction)";
    }
  }

  record NotRunningAuction(long id) implements MakerError {
    public String field() {
      return "id";
    }

    public String rule() {
      return "auction " + id + " is not running (Clipper/not-running-auction)";
    }
  }

  record NeedsReset(long id) implements MakerError {
    public String field() {
      return "id";
    }

    public String rule() {
      return "auction " + id + " is past tail or below cusp and must be redone first (Clipper/needs-reset)";
    }
  }

  record CannotReset(long id) implements MakerError {
    public String field() {
      return "id";
    }

    public String rule() {
      return "auction " + id + " is neither past tail nor below cusp (Clipper/cannot-reset)";
    }
  }

  record TooExpensive(java.math.BigInteger max, java.math.BigInteger price) implements MakerError {
    public String field() {
      return "max";
    }

    public String rule() {
      return "is below the current price " + DssMath.format(price, 27) + " (was "
          + DssMath.format(max, 27) + "; Clipper/too-expensive)";
    }
  }

  record NoPartialPurchase(long id) implements MakerError {
    public String field() {
      return "amt";
    }

    public String rule() {
      return "auction " + id + " has tab at or below chost, so only the whole lot may be bought (Clipper/no-partial-purchase)";
    }
  }

  record TimeBeforeStart(long id) implements MakerError {
    public String field() {
      return "now";
    }

    public String rule() {
      return "must not be before the start of auction " + id;
    }
  }
}
