package noliq.wrapper.drift;

import java.time.Instant;
import noliq.math.Price;

/** One step of a holder's path, as the drift account recorded it; each says which part it moved. */
public sealed interface DriftEntry {
  Instant at();

  /** The position was marked at fair value: the move since the last mark is exposure drift. */
  record Marked(Instant at, Price fairValue, Deviation drift) implements DriftEntry {}

  /** A roll gave up {@code fairGiven} and received {@code fairReceived}: the difference is roll cost. */
  record Rolled(Instant at, Price fairGiven, Price fairReceived, Deviation cost) implements DriftEntry {}

  /**
   * The position settled: fair value at maturity (at the true price) against what was received (at
   * the oracle's value, after the resolution delay): the difference is settlement and oracle error.
   */
  record Settled(Instant at, Price fairAtMaturity, Price received, Deviation error) implements DriftEntry {}
}
