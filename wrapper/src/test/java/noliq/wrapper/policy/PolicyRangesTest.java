package noliq.wrapper.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * Every policy parameter's range at both ends: the last value inside is accepted, the first outside is
 * refused naming that parameter (not a later check that happens to catch it too). Factors are exact at
 * 18 decimals, so "just above 1" is 1 + 1e-18.
 */
class PolicyRangesTest {
  static final String ABOVE_ONE = "1.000000000000000001";
  static final String BELOW_ONE = "0.999999999999999999";
  static final String TINY = "0.000000000000000001";

  static void accepted(String policy, Map<String, String> params) {
    assertThatCode(() -> Policies.named(policy, params)).as(policy + " " + params).doesNotThrowAnyException();
  }

  static void refused(String policy, Map<String, String> params, String field) {
    assertThatThrownBy(() -> Policies.named(policy, params)).as(policy + " " + params).isInstanceOf(RuleViolation.class)
        .extracting(e -> ((RuleViolation) e).field()).isEqualTo(field);
  }

  @Test
  void buterinsDivisorsAndMultipleMustBeAboveOne() {
    for (String f : new String[] {"entryDivisor", "triggerMultiple", "rollDivisor"}) {
      refused(Buterin2026.NAME, Map.of(f, "1"), f);
      accepted(Buterin2026.NAME, Map.of(f, ABOVE_ONE));
    }
  }

  @Test
  void buterinsDaysAreInRange() {
    refused(Buterin2026.NAME, Map.of("maturityDays", "0", "exitDaysBeforeMaturity", "0"), "maturityDays");
    accepted(Buterin2026.NAME, Map.of("maturityDays", "1", "exitDaysBeforeMaturity", "0"));
    refused(Buterin2026.NAME, Map.of("exitDaysBeforeMaturity", "-1"), "exitDaysBeforeMaturity");
    refused(Buterin2026.NAME, Map.of("exitDaysBeforeMaturity", "45"), "exitDaysBeforeMaturity");
    accepted(Buterin2026.NAME, Map.of("exitDaysBeforeMaturity", "44"));
  }

  @Test
  void kyrruisParametersAreInRange() {
    refused(KyrruiTracker.NAME, Map.of("triggerMultiple", "1"), "triggerMultiple");
    accepted(KyrruiTracker.NAME, Map.of("triggerMultiple", ABOVE_ONE));
    refused(KyrruiTracker.NAME, Map.of("minDaysToMaturity", "-1"), "minDaysToMaturity");
    accepted(KyrruiTracker.NAME, Map.of("minDaysToMaturity", "0"));
    refused(KyrruiTracker.NAME, Map.of("strikeFraction", "0"), "strikeFraction");
    refused(KyrruiTracker.NAME, Map.of("strikeFraction", "1"), "strikeFraction");
    accepted(KyrruiTracker.NAME, Map.of("strikeFraction", TINY));
    accepted(KyrruiTracker.NAME, Map.of("strikeFraction", BELOW_ONE));
    refused(KyrruiTracker.NAME, Map.of("maturityDays", "0", "minDaysToMaturity", "0"), "maturityDays");
    accepted(KyrruiTracker.NAME, Map.of("maturityDays", "1", "minDaysToMaturity", "0"));
    refused(KyrruiTracker.NAME, Map.of("minDaysToMaturity", "28"), "minDaysToMaturity");
    accepted(KyrruiTracker.NAME, Map.of("minDaysToMaturity", "27"));
  }

  @Test
  void predictableRollingsParametersAreInRange() {
    refused(PredictableRolling.NAME, Map.of("tenorDays", "0", "rollDaysBeforeExpiry", "0"), "tenorDays");
    accepted(PredictableRolling.NAME, Map.of("tenorDays", "1", "rollDaysBeforeExpiry", "0"));
    refused(PredictableRolling.NAME, Map.of("strikeFraction", "1"), "strikeFraction");
    refused(PredictableRolling.NAME, Map.of("strikeFraction", "0"), "strikeFraction");
    refused(PredictableRolling.NAME, Map.of("rollDaysBeforeExpiry", "-1"), "rollDaysBeforeExpiry");
    refused(PredictableRolling.NAME, Map.of("rollDaysBeforeExpiry", "7"), "rollDaysBeforeExpiry");
    accepted(PredictableRolling.NAME, Map.of("rollDaysBeforeExpiry", "6"));
  }

  @Test
  void exposureThresholdsParametersAreInRange() {
    refused(ExposureThreshold.NAME, Map.of("maxDelta", "0"), "maxDelta");
    refused(ExposureThreshold.NAME, Map.of("maxDelta", "1"), "maxDelta");
    accepted(ExposureThreshold.NAME, Map.of("maxDelta", "1e-12"));
    accepted(ExposureThreshold.NAME, Map.of("maxDelta", "0.999999999999"));
    refused(ExposureThreshold.NAME, Map.of("strikeFraction", "1"), "strikeFraction");
    refused(ExposureThreshold.NAME, Map.of("maturityDays", "0", "minDaysToMaturity", "0"), "maturityDays");
    accepted(ExposureThreshold.NAME, Map.of("maturityDays", "1", "minDaysToMaturity", "0"));
    refused(ExposureThreshold.NAME, Map.of("minDaysToMaturity", "-1"), "minDaysToMaturity");
    refused(ExposureThreshold.NAME, Map.of("minDaysToMaturity", "30"), "minDaysToMaturity");
    accepted(ExposureThreshold.NAME, Map.of("minDaysToMaturity", "29"));
  }

  @Test
  void eachPolicyNamesItsSource() {
    assertThat(Policies.named(Buterin2026.NAME).source()).contains("ethresear.ch 25036").contains("the entry price");
    assertThat(Policies.named(Buterin2026.NAME + "-current").source()).contains("the current price");
    assertThat(Policies.named(KyrruiTracker.NAME).source()).isNotBlank();
    assertThat(Policies.named(PredictableRolling.NAME).source()).isNotBlank();
    assertThat(Policies.named(ExposureThreshold.NAME).source()).contains("ETH exposure");
  }

  /**
   * The exposure rule's other branches on the same 300% surface: with nothing held it enters at
   * strikeFraction · x; holding the x/2 P (delta 0.1082, over a 0.05 bound) with strikeFraction 0.25 it rolls
   * on exposure to the x/4 P (delta 0.0206, lower); with minDaysToMaturity 0 there is no time rule.
   */
  @Test
  void theExposureRuleEntersRollsOnExposureAndHasNoTimeRuleAtZeroDays() {
    Instant t0 = Instant.parse("2026-06-01T08:00:00Z");
    Observation obs = new Observation(Price.of(2000), t0, 3.0);
    ExposureThreshold rule = new ExposureThreshold(0.05, Factor.of("0.25"), 30, 0);
    RollDecision.Roll entry = (RollDecision.Roll) rule.decide(Optional.empty(), obs);
    assertThat(entry.trigger()).isEqualTo(Trigger.ENTRY);
    assertThat(entry.to().strike()).isEqualTo(Price.of(500));
    Position held = new Position(Price.of(1000), t0.plus(java.time.Duration.ofDays(30)), Price.of(2000), t0);
    RollDecision.Roll r = (RollDecision.Roll) rule.decide(Optional.of(held), obs);
    assertThat(r.trigger()).isEqualTo(Trigger.EXPOSURE);
    assertThat(r.to().strike()).isEqualTo(Price.of(500));
    assertThat(r.reason()).contains("0.108");
    assertThat(rule.rollFrom(held)).isEmpty();
    assertThat(new ExposureThreshold(0.05, Factor.of("0.25"), 30, 1).rollFrom(held)).contains(t0.plus(java.time.Duration.ofDays(29)));
  }

  /**
   * Half a day before maturity, the x/2 P at 20% vol has no exposure left (its put is worthless: delta
   * 1 − N(d1) with d1 = (ln 2 + 0.00003) / 0.0074 ≈ 94), so the exposure bound never trips; the time
   * rule rolls it once fewer than minDaysToMaturity = 1 day remain.
   */
  @Test
  void theExposureRuleRollsOnTimeNearMaturity() {
    Instant t0 = Instant.parse("2026-06-01T08:00:00Z");
    Position held = new Position(Price.of(1000), t0.plus(java.time.Duration.ofHours(12)), Price.of(2000),
        t0.minus(java.time.Duration.ofDays(29)));
    RollDecision d = ExposureThreshold.defaults().decide(Optional.of(held), new Observation(Price.of(2000), t0, 0.2));
    assertThat(d).isInstanceOf(RollDecision.Roll.class);
    assertThat(((RollDecision.Roll) d).trigger()).isEqualTo(Trigger.TIME);
    assertThat(((RollDecision.Roll) d).to().strike()).isEqualTo(Price.of(1000));
  }

  /**
   * The share of P's value that moves like ETH, deltaIndex · x / P, with the delta taken by central
   * differences of P's own value (x ± 1) rather than from the model's greek.
   */
  @Test
  void theEthShareIsTheDeltaTimesSpotOverValue() {
    Instant t0 = Instant.parse("2026-06-01T08:00:00Z");
    Position held = new Position(Price.of(1000), t0.plus(java.time.Duration.ofDays(30)), Price.of(2000), t0);
    Exposure e = Exposure.of(held, new Observation(Price.of(2000), t0, 3.0));
    double up = Exposure.of(held, new Observation(Price.of(2001), t0, 3.0)).pIndex();
    double down = Exposure.of(held, new Observation(Price.of(1999), t0, 3.0)).pIndex();
    double fd = (up - down) / 2;
    assertThat(e.deltaIndex()).isCloseTo(fd, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(e.ethShare()).isCloseTo(fd * 2000 / e.pIndex(), org.assertj.core.api.Assertions.within(1e-6));
    assertThat(e.days()).isEqualTo(30.0);
  }

  /** Below one unit there is no grid: the smallest strike is one wei of index units. A factor reads as its decimal. */
  @Test
  void theStrikeGridBottomsOutAtOneWeiAndFactorsReadAsDecimals() {
    Price oneWei = new Price(java.math.BigInteger.ONE);
    assertThat(Strikes.strictlyBelow(oneWei, Price.of(50))).isEqualTo(oneWei);
    assertThat(Strikes.strictlyBelow(new Price(java.math.BigInteger.TWO), Price.of(50))).isEqualTo(oneWei);
    assertThat(Factor.of("0.55").toDouble()).isEqualTo(0.55);
  }

  /**
   * On a 300% flat surface the entry's own exposure is above a tight bound, so rolling would not lower it.
   * One P is worth S − C, so its index delta is 1 − N(d1), d1 = (ln(x/S) + σ²τ/2) / σ√τ; τ = 30/365,
   * σ√τ = 3 × 0.28669 = 0.86007, σ²τ/2 = 0.36986:
   * <pre>
   *   held, strike x/4 = 500: d1 = (1.38629 + 0.36986) / 0.86007 = 2.04187, delta = 1 − 0.97942 = 0.0206
   *   entry, strike x/2 = 1000: d1 = (0.69315 + 0.36986) / 0.86007 = 1.23596, delta = 1 − 0.89177 = 0.1082
   * </pre>
   * With maxDelta 0.01 the held 0.0206 is over the bound, but the entry's 0.1082 is higher: hold. With
   * maxDelta 0.15, nothing is over: hold within the bound.
   */
  @Test
  void aRollThatWouldNotLowerTheExposureIsHeld() {
    Instant t0 = Instant.parse("2026-06-01T08:00:00Z");
    Observation obs = new Observation(Price.of(2000), t0, 3.0);
    Position held = new Position(Price.of(500), t0.plus(java.time.Duration.ofDays(30)), Price.of(2000), t0);
    assertThat(Exposure.of(held, obs).deltaIndex()).isCloseTo(0.0206, org.assertj.core.api.Assertions.within(0.0002));
    ExposureThreshold tight = new ExposureThreshold(0.01, Factor.of("0.5"), 30, 0);
    RollDecision d = tight.decide(Optional.of(held), obs);
    assertThat(d).isInstanceOf(RollDecision.Hold.class);
    assertThat(((RollDecision.Hold) d).reason()).contains("rolling would not lower it").contains("0.108");
    RollDecision wide = new ExposureThreshold(0.15, Factor.of("0.5"), 30, 0).decide(Optional.of(held), obs);
    assertThat(((RollDecision.Hold) wide).reason()).contains("within maxDelta");
  }
}
