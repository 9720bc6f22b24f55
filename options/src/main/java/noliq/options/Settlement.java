package noliq.options;

import java.time.Instant;
import noliq.math.Amount;

/** A series' settlement: the resolution it settled from and each leg's payout per unit (ETH per 1 token). */
public record Settlement(Resolution resolution, Amount pPerUnit, Amount nPerUnit, Instant at) {
  public Amount perUnit(Leg leg) {
    return leg == Leg.P ? pPerUnit : nPerUnit;
  }
}
