package noliq.options;

import java.time.Instant;
import noliq.math.Amount;

/**
 * A series' settlement: the resolution it settled from and each leg's payout per unit (ETH per 1
 * token). The three payouts sum to exactly 1 ETH; {@code iPerUnit} is zero unless the series has
 * the third outcome and settled invalid, in which case it is 1 and the others are zero.
 */
public record Settlement(Resolution resolution, Amount pPerUnit, Amount nPerUnit, Amount iPerUnit, Instant at) {

  /** A settlement of a series without a paying I leg. */
  public Settlement(Resolution resolution, Amount pPerUnit, Amount nPerUnit, Instant at) {
    this(resolution, pPerUnit, nPerUnit, Amount.ZERO, at);
  }

  public Amount perUnit(Leg leg) {
    return switch (leg) {
      case P -> pPerUnit;
      case N -> nPerUnit;
      case I -> iPerUnit;
    };
  }
}
