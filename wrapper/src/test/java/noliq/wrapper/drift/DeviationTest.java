package noliq.wrapper.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import noliq.math.Price;
import org.junit.jupiter.api.Test;

/** Signed index-unit deviations: a shortfall prints and converts with its sign, zero without one. */
class DeviationTest {
  static Deviation of(String s) {
    return s.startsWith("-") ? new Deviation(Price.of(s.substring(1)).units().negate()) : new Deviation(Price.of(s).units());
  }

  @Test
  void aShortfallKeepsItsSignAndZeroHasNone() {
    Deviation shortfall = Deviation.between(Price.of(1000), Price.of("988.75"));
    assertThat(shortfall).isEqualTo(of("-11.25"));
    assertThat(shortfall.toDouble()).isEqualTo(-11.25);
    assertThat(shortfall.toString()).isEqualTo("-11.25");
    assertThat(shortfall.negate()).isEqualTo(of("11.25"));
    assertThat(shortfall.negate().toString()).isEqualTo("11.25");
    assertThat(Deviation.ZERO.toString()).isEqualTo("0");
    assertThat(Deviation.ZERO.toDouble()).isEqualTo(0.0); // +0.0, not -0.0
    assertThat(new Deviation(BigInteger.ONE).toDouble()).isEqualTo(1e-18);
  }

  @Test
  void deviationsOrderBySignedSize() {
    assertThat(of("-2").compareTo(of("1"))).isNegative();
    assertThat(of("3").compareTo(of("1"))).isPositive();
    assertThat(of("1").compareTo(of("1"))).isZero();
  }

  @Test
  void aSettlementNeedsWhatWasReceived() {
    java.time.Instant t0 = java.time.Instant.parse("2026-06-01T00:00:00Z");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DriftAccount(Price.of(1000), t0).settle(Price.of(990), null, t0))
        .isInstanceOf(noliq.math.RuleViolation.class).hasMessageStartingWith("received:");
  }

  /**
   * Target 1,000, value 988.75: drift −2, roll cost −6.5, settlement −2.75 (DriftAccountTest's path) are
   * −0.002, −0.0065, −0.00275 and −0.01125 of the target.
   */
  @Test
  void thePartsAsFractionsOfTheTarget() {
    DriftBreakdown b = new DriftBreakdown(Price.of(1000), Price.of("988.75"), of("-2"), of("-6.5"), of("-2.75"), of("-11.25"));
    assertThat(b.fractionsOfTarget()).containsExactly(-0.002, -0.0065, -0.00275, -0.01125);
  }
}
