package noliq.wrapper.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.SplittableRandom;
import noliq.math.Price;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class DriftAccountTest {
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  static Instant day(int d) {
    return T0.plusSeconds(86_400L * d);
  }

  static Deviation dev(String s) {
    return s.startsWith("-") ? new Deviation(Price.of(s.substring(1)).units().negate()) : new Deviation(Price.of(s).units());
  }

  /**
   * A hand-computed path. Target $1000. Hold P_1250 (0.8 P, each capped at $1250).
   * Day 0: entry buys 0.8 P worth $995.00 for $1000 of ETH: roll cost -5.00.
   * Day 10: the mark rises to $1002.00: drift +7.00.
   * Day 20: x falls near 1.5·S; the mark is $990.00 (drift -12.00); the roll receives P_625 worth
   *         $988.50: roll cost -1.50.
   * Day 30: mark $991.00: drift +2.50 (from the $988.50 received).
   * Day 40: the last series is held to settlement (no taker): worth $993.00 at maturity at the true
   *         price (drift +2.00); the slow oracle resolves lower and the payout is worth $990.25:
   *         settlement and oracle error -2.75.
   * Day 41: the ETH received is marked at $988.75: drift -1.50.
   * Totals: drift 7 - 12 + 2.5 + 2 - 1.5 = -2.00; roll cost -6.50; settlement -2.75;
   * sum -11.25 = 988.75 - 1000.
   */
  @Test
  void theThreePartsAddUpToTheTotalOnAHandComputedPath() {
    DriftAccount a = new DriftAccount(Price.of(1000), T0);
    assertThat(a.roll(Price.of(1000), Price.of("995"), day(0)).cost()).isEqualTo(dev("-5"));
    assertThat(a.mark(Price.of(1002), day(10)).drift()).isEqualTo(dev("7"));
    assertThat(a.roll(Price.of(990), Price.of("988.5"), day(20)).cost()).isEqualTo(dev("-1.5"));
    a.mark(Price.of(991), day(30));
    assertThat(a.settle(Price.of(993), Price.of("990.25"), day(40)).error()).isEqualTo(dev("-2.75"));
    a.mark(Price.of("988.75"), day(41));

    DriftBreakdown b = a.breakdown();
    assertThat(b.exposureDrift()).isEqualTo(dev("-2"));
    assertThat(b.rollCost()).isEqualTo(dev("-6.5"));
    assertThat(b.settlementError()).isEqualTo(dev("-2.75"));
    assertThat(b.total()).isEqualTo(dev("-11.25"));
    assertThat(b.value()).isEqualTo(Price.of("988.75"));
    assertThat(b.exposureDrift().plus(b.rollCost()).plus(b.settlementError())).isEqualTo(b.total());
    assertThat(b.fractionsOfTarget()[3]).isEqualTo(-0.01125);
    assertThat(a.entries()).hasSize(9); // every roll and settlement also records the mark before it
  }

  @Test
  void partsAddUpExactlyOnLongRandomPaths() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      DriftAccount a = new DriftAccount(Price.of(1000), T0);
      Deviation drift = Deviation.ZERO;
      Deviation cost = Deviation.ZERO;
      Deviation settle = Deviation.ZERO;
      Price value = Price.of(1000);
      for (int step = 0; step < 2_000; step++) {
        Price fair = new Price(BigInteger.valueOf(rng.nextLong(500_000_000_000_000_000L, 2_000_000_000_000_000_000L)).multiply(BigInteger.valueOf(1000)));
        Price other = new Price(fair.units().multiply(BigInteger.valueOf(rng.nextInt(980, 1_001))).divide(BigInteger.valueOf(1000)));
        Instant at = day(step);
        switch (rng.nextInt(3)) {
          case 0 -> a.mark(fair, at);
          case 1 -> a.roll(fair, other, at);
          default -> a.settle(fair, other, at);
        }
        for (DriftEntry e : a.entries().subList(a.entries().size() - 1, a.entries().size())) {
          switch (e) {
            case DriftEntry.Marked m -> drift = drift.plus(m.drift());
            case DriftEntry.Rolled r -> cost = cost.plus(r.cost());
            case DriftEntry.Settled s -> settle = settle.plus(s.error());
          }
        }
        // a roll or settlement also marked first: account for it from the entry before
        if (a.entries().size() >= 2 && !(a.entries().getLast() instanceof DriftEntry.Marked)) {
          drift = drift.plus(((DriftEntry.Marked) a.entries().get(a.entries().size() - 2)).drift());
        }
        value = a.breakdown().value();
        DriftBreakdown b = a.breakdown();
        assertThat(b.exposureDrift()).isEqualTo(drift);
        assertThat(b.rollCost()).isEqualTo(cost);
        assertThat(b.settlementError()).isEqualTo(settle);
        assertThat(drift.plus(cost).plus(settle)).isEqualTo(Deviation.between(Price.of(1000), value));
      }
    }
  }

  @Test
  void badStepsAreRefusedAndChangeNothing() {
    DriftAccount a = new DriftAccount(Price.of(1000), T0);
    a.mark(Price.of(999), day(5));
    DriftBreakdown before = a.breakdown();
    assertThatThrownBy(() -> a.mark(Price.of(998), day(4)))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("at: must not be before the last step");
    assertThatThrownBy(() -> a.roll(Price.of(998), null, day(6))).hasMessage("fair-received: is required");
    assertThat(a.breakdown()).isEqualTo(before);
    assertThat(a.entries()).hasSize(1);
    assertThatThrownBy(() -> new DriftAccount(Price.ZERO, T0)).hasMessage("target: must be positive (was 0)");
  }
}
