package noliq.wrapper.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class RollPolicyTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  static final double VOL = 0.8;

  static Observation at(String spot, Instant now) {
    return new Observation(Price.of(spot), now, VOL);
  }

  static Position held(RollDecision d, String spot, Instant now) {
    return Position.opened(((RollDecision.Roll) d).to(), Price.of(spot), now);
  }

  static Instant days(double d) {
    return T0.plus(Duration.ofSeconds(Math.round(d * 86_400)));
  }

  @Test
  void buterinEntryIsBelowHalfTheSpotOnTheGridAndMaturesInsideOneToTwoMonths() {
    RollPolicy p = Buterin2026.defaults(XReading.ENTRY_PRICE);
    RollDecision d = p.decide(Optional.empty(), at("2500", T0));
    assertThat(d).isInstanceOf(RollDecision.Roll.class);
    RollDecision.Roll r = (RollDecision.Roll) d;
    assertThat(r.trigger()).isEqualTo(Trigger.ENTRY);
    assertThat(r.to().strike()).isEqualTo(Price.of(1200)); // S < 2500/2 on a 50 grid: strictly below 1250
    assertThat(r.to().maturity()).isEqualTo(days(45));
    // 2600/2 = 1300 exactly: strictly below means 1250
    assertThat(p.entry(at("2600", T0)).strike()).isEqualTo(Price.of(1250));
  }

  @Test
  void buterinRotatesBelowOnePointFiveSAndBothReadingsOfXAreSupported() {
    Buterin2026 entryReading = Buterin2026.defaults(XReading.ENTRY_PRICE);
    Buterin2026 currentReading = Buterin2026.defaults(XReading.CURRENT_PRICE);
    Position pos = held(entryReading.decide(Optional.empty(), at("2500", T0)), "2500", T0);
    assertThat(entryReading.rollBelow(pos)).contains(Price.of(1800));
    assertThat(entryReading.decide(Optional.of(pos), at("1800", days(10)))).isInstanceOf(RollDecision.Hold.class);

    RollDecision.Roll e = (RollDecision.Roll) entryReading.decide(Optional.of(pos), at("1799", days(10)));
    assertThat(e.trigger()).isEqualTo(Trigger.PRICE);
    assertThat(e.to().strike()).isEqualTo(Price.of(600)); // S' < 2500/4 = 625
    assertThat(e.to().maturity()).isEqualTo(days(55));

    RollDecision.Roll c = (RollDecision.Roll) currentReading.decide(Optional.of(pos), at("1799", days(10)));
    assertThat(c.to().strike()).isEqualTo(Price.of(400)); // S' < 1799/4 = 449.75
  }

  @Test
  void buterinNeverHoldsToMaturityAndAGapCrashKeepsTheNewStrikeBelowSpot() {
    Buterin2026 p = Buterin2026.defaults(XReading.ENTRY_PRICE);
    Position pos = held(p.decide(Optional.empty(), at("2500", T0)), "2500", T0);
    assertThat(p.decide(Optional.of(pos), at("2500", days(38)))).isInstanceOf(RollDecision.Hold.class);
    RollDecision.Roll t = (RollDecision.Roll) p.decide(Optional.of(pos), at("2500", days(38).plusSeconds(1)));
    assertThat(t.trigger()).isEqualTo(Trigger.TIME);
    assertThat(t.to().strike()).isEqualTo(Price.of(1200));
    // a gap from 2500 to 900, far below S = 1200: X/4 = 625 would not even be half the spot; x/2 = 450 binds
    RollDecision.Roll g = (RollDecision.Roll) p.decide(Optional.of(pos), at("900", days(5)));
    assertThat(g.to().strike()).isEqualTo(Price.of(400));
  }

  @Test
  void kyrruiRollsBelowOnePointFiveSOrInsideSevenDaysToHalfSpotFor28Days() {
    RollPolicy p = KyrruiTracker.defaults();
    Position pos = held(p.decide(Optional.empty(), at("2500", T0)), "2500", T0);
    assertThat(pos.strike()).isEqualTo(Price.of(1250));
    assertThat(pos.maturity()).isEqualTo(days(28));
    assertThat(p.rollBelow(pos)).contains(Price.of(1875));
    assertThat(p.decide(Optional.of(pos), at("1875", days(3)))).isInstanceOf(RollDecision.Hold.class);
    RollDecision.Roll r = (RollDecision.Roll) p.decide(Optional.of(pos), at("1874.99", days(3)));
    assertThat(r.trigger()).isEqualTo(Trigger.PRICE);
    assertThat(r.to().strike()).isEqualTo(Price.of("937.495"));
    assertThat(r.to().maturity()).isEqualTo(days(31));
    // exactly 7 days left is not "fewer than 7"
    assertThat(p.decide(Optional.of(pos), at("2500", days(21)))).isInstanceOf(RollDecision.Hold.class);
    RollDecision.Roll t = (RollDecision.Roll) p.decide(Optional.of(pos), at("2600", days(21).plusSeconds(1)));
    assertThat(t.trigger()).isEqualTo(Trigger.TIME);
    assertThat(t.to().strike()).isEqualTo(Price.of(1300));
  }

  @Test
  void predictableRollingIgnoresThePriceAndRollsOnAFixedSchedule() {
    RollPolicy p = PredictableRolling.defaults();
    Position pos = held(p.decide(Optional.empty(), at("2000", T0)), "2000", T0);
    assertThat(pos.strike()).isEqualTo(Price.of(1100));
    assertThat(pos.maturity()).isEqualTo(days(7));
    // a crash to just above the strike changes nothing: no reactive rebalancing
    assertThat(p.decide(Optional.of(pos), at("1101", days(5)))).isInstanceOf(RollDecision.Hold.class);
    assertThat(p.decide(Optional.of(pos), at("2000", days(6)))).isInstanceOf(RollDecision.Hold.class);
    RollDecision.Roll r = (RollDecision.Roll) p.decide(Optional.of(pos), at("2000", days(6).plusSeconds(1)));
    assertThat(r.trigger()).isEqualTo(Trigger.SCHEDULE);
    assertThat(r.to().maturity()).isEqualTo(days(14));
    assertThat(r.to().strike()).isEqualTo(Price.of(1100));
    // a late roll skips to the next date on the schedule that still leaves a day before its own roll
    RollDecision.Roll late = (RollDecision.Roll) p.decide(Optional.of(pos), at("2000", days(13.5)));
    assertThat(late.to().maturity()).isEqualTo(days(21));
  }

  @Test
  void exposureMatchesTheReferenceTableAndDrivesTheThresholdPolicy() {
    // proposal.md §4: σ 80%, spot 1875, S 1250, 30 d → P $1244.59, ETH exposure per P 0.030;
    // spot 2500, S 1500, 45 d → P $1492.65, exposure 0.025.
    Position pos = new Position(Price.of(1250), days(30), Price.of(2500), T0.minusSeconds(1));
    Exposure e = Exposure.of(pos, at("1875", T0));
    assertThat(e.pIndex()).isCloseTo(1244.59, within(0.005));
    assertThat(e.deltaIndex()).isCloseTo(0.030, within(0.0005));
    Position p2 = new Position(Price.of(1500), days(45), Price.of(2500), T0.minusSeconds(1));
    assertThat(Exposure.of(p2, at("2500", T0)).pIndex()).isCloseTo(1492.65, within(0.005));
    assertThat(Exposure.of(p2, at("2500", T0)).deltaIndex()).isCloseTo(0.025, within(0.0005));

    RollPolicy loose = Policies.named(ExposureThreshold.NAME, Map.of("maxDelta", "0.05"));
    RollPolicy tight = Policies.named(ExposureThreshold.NAME, Map.of("maxDelta", "0.02"));
    assertThat(loose.decide(Optional.of(pos), at("1875", T0))).isInstanceOf(RollDecision.Hold.class);
    RollDecision.Roll r = (RollDecision.Roll) tight.decide(Optional.of(pos), at("1875", T0));
    assertThat(r.trigger()).isEqualTo(Trigger.EXPOSURE);
    assertThat(r.to().strike()).isEqualTo(Price.of("937.5"));
  }

  @Test
  void onASteepWingTheThresholdPolicyHoldsRatherThanChurnIntoAnEntryAsExposedAsWhatItHolds() {
    // a surface at 130% with the calibrated put skew: the entry x/2, 30 days, is itself above a 5% bound
    noliq.pricing.VolSurface steep = new noliq.pricing.VolSurface(1.3, 0.757, 4, 0.174, 0.103, 3);
    Observation obs = new Observation(Price.of(3000), T0, steep);
    RollPolicy policy = Policies.named(ExposureThreshold.NAME, Map.of("maxDelta", "0.05"));
    Position entry = Position.opened(policy.entry(obs), obs.spot(), T0);
    assertThat(Exposure.of(entry, obs).deltaIndex()).isGreaterThan(0.05);
    RollDecision d = policy.decide(Optional.of(entry), obs);
    assertThat(d).isInstanceOf(RollDecision.Hold.class);
    assertThat(d.reason()).contains("rolling would not lower it");
    // a position struck higher than the entry still rolls down to it
    Position high = Position.opened(new Target(Price.of(2400), entry.maturity()), obs.spot(), T0);
    assertThat(policy.decide(Optional.of(high), obs)).isInstanceOf(RollDecision.Roll.class);
  }

  @Test
  void policiesAreBuiltByNameWithSourceNamedParameters() {
    assertThat(Policies.NAMES).hasSize(5);
    for (String name : Policies.NAMES) {
      RollPolicy p = Policies.named(name);
      assertThat(p.name()).isEqualTo(name.replace("-current", ""));
      assertThat(Policies.named(name, p.parameters())).isEqualTo(p);
    }
    RollPolicy k = Policies.named("kyrrui-tracker", Map.of("triggerMultiple", "1.4", "maturityDays", "35"));
    assertThat(k).isEqualTo(new KyrruiTracker(Factor.of("1.4"), 7, Factor.of("0.5"), 35));
    assertThat(Policies.named("buterin-2026-current")).isEqualTo(Buterin2026.defaults(XReading.CURRENT_PRICE));
  }

  @Test
  void badPoliciesAndParametersAreRefusedNamingTheField() {
    assertThatThrownBy(() -> Policies.named("yolo"))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("policy: must be one of buterin-2026");
    assertThatThrownBy(() -> Policies.named("kyrrui-tracker", Map.of("nope", "1")))
        .hasMessageStartingWith("param: policy kyrrui-tracker has no parameter 'nope'");
    assertThatThrownBy(() -> Policies.named("kyrrui-tracker", Map.of("maturityDays", "-3")))
        .hasMessage("maturityDays: must be positive (was -3)");
    assertThatThrownBy(() -> Policies.named("kyrrui-tracker", Map.of("minDaysToMaturity", "-1")))
        .hasMessage("minDaysToMaturity: must not be negative (was -1)");
    assertThatThrownBy(() -> Policies.named("kyrrui-tracker", Map.of("minDaysToMaturity", "28")))
        .hasMessageStartingWith("minDaysToMaturity: must be less than maturityDays 28");
    assertThatThrownBy(() -> Policies.named("czar102-predictable", Map.of("strikeFraction", "1.2")))
        .hasMessageStartingWith("strikeFraction: must be in (0, 1)");
    assertThatThrownBy(() -> Policies.named("buterin-2026", Map.of("triggerMultiple", "1")))
        .hasMessage("triggerMultiple: must be above 1 (was 1)");
    assertThatThrownBy(() -> Policies.named("buterin-2026", Map.of("reading", "sideways")))
        .hasMessageStartingWith("reading: must be ENTRY_PRICE or CURRENT_PRICE");
    assertThatThrownBy(() -> Policies.named("exposure-threshold", Map.of("maxDelta", "x")))
        .hasMessage("maxDelta: must be a number (was 'x')");
    // S >= spot at entry is inconsistent
    assertThatThrownBy(() -> new Position(Price.of(2500), days(30), Price.of(2500), T0))
        .hasMessageStartingWith("strike: must be below the spot at entry 2500");
    assertThatThrownBy(() -> new Position(Price.of(1000), T0, Price.of(2500), T0))
        .hasMessageStartingWith("maturity: must be after the position was opened");
  }
}
