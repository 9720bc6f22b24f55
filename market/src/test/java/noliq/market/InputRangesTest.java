package noliq.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import noliq.market.agents.MakerParams;
import noliq.market.agents.MakerResponse;
import noliq.market.agents.MakerView;
import noliq.market.agents.SeriesLeg;
import noliq.market.amm.FeeSchedule;
import noliq.market.impact.CalibrationPoint;
import noliq.market.impact.ImpactCalibration;
import noliq.market.impact.ImpactCurve;
import noliq.market.impact.VolatilityResponse;
import noliq.market.roll.MarketReaction;
import noliq.market.roll.RollAssumptions;
import noliq.market.roll.RollRequest;
import noliq.math.RuleViolation;
import noliq.pricing.VolSurface;
import org.junit.jupiter.api.Test;

/**
 * Every input of the market's parameter records has a stated range: its ends are accepted or
 * refused exactly as stated, and a value outside is refused with a message naming the field.
 * Each record is rebuilt from a valid one with one component changed.
 */
class InputRangesTest {

  /** {@code base} with component {@code name} set to {@code value}, through the canonical constructor. */
  @SuppressWarnings("unchecked")
  static <R extends Record> R with(R base, String name, Object value) {
    RecordComponent[] parts = base.getClass().getRecordComponents();
    Object[] args = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    boolean found = false;
    for (int i = 0; i < parts.length; i++) {
      types[i] = parts[i].getType();
      try {
        args[i] = parts[i].getAccessor().invoke(base);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      if (parts[i].getName().equals(name)) {
        args[i] = value;
        found = true;
      }
    }
    if (!found) {
      throw new AssertionError("no component " + name + " in " + Arrays.toString(parts));
    }
    try {
      return (R) base.getClass().getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static <R extends Record> void accepted(R base, String name, Object value) {
    assertThatCode(() -> with(base, name, value)).as(name + " = " + value).doesNotThrowAnyException();
  }

  static <R extends Record> void refused(R base, String name, Object value, String field) {
    assertThatThrownBy(() -> with(base, name, value)).as(name + " = " + value).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith(field + ":");
  }

  static <R extends Record> void refused(R base, String name, Object value) {
    refused(base, name, value, name);
  }

  @Test
  void marketReactionEveryFieldAtBothEndsAndOutside() {
    var r = MarketReaction.DEFAULTS;
    Object[][] ranges = {
        {"putSkew", 0.0, 5.0}, {"callSkew", 0.0, 5.0}, {"wingCap", 1.0, 20.0},
        {"termMeanReversionPerYear", 1e-6, 365.0}, {"longRunVol", 1e-3, 10.0}, {"volOfVolWeight", 0.0, 100.0},
        {"ivHalfSpreadAtOneDay", 0.0, 5.0}, {"tickEth", 0.0, 1.0}, {"capacityCut", 0.0, 100.0},
        {"makerVolErrorSd", 0.0, 0.5}, {"flowVolElasticity", 0.0, 10.0}, {"flowImbalancePerVol", 0.0, 10.0},
        {"ammDepthVolExponent", 0.0, 10.0}, {"ammFeeVolExponent", 0.0, 10.0}};
    for (Object[] f : ranges) {
      String name = (String) f[0];
      double lo = (double) f[1];
      double hi = (double) f[2];
      accepted(r, name, lo);
      accepted(r, name, hi);
      refused(r, name, lo - Math.max(1e-7, lo * 1e-3));
      refused(r, name, hi * 1.001);
      refused(r, name, Double.NaN);
    }
  }

  @Test
  void rollRequestRanges() {
    var q = new RollRequest(100_000, 3000, 2000, 7, 1500, 7, 0.7);
    for (String[] f : new String[][] {{"sizeUsd", "size-usd"}, {"spot", "spot"}, {"fromStrike", "from-strike"},
        {"fromDays", "days"}, {"toStrike", "to-strike"}, {"toDays", "to-days"}, {"vol", "vol"}}) {
      refused(q, f[0], 0.0, f[1]);
      refused(q, f[0], -1.0, f[1]);
      refused(q, f[0], Double.NaN, f[1]);
      refused(q, f[0], Double.POSITIVE_INFINITY, f[1]);
    }
    accepted(q, "vol", 10.0);
    refused(q, "vol", 10.001, "vol");
    accepted(q, "putSkew", 0.0);
    accepted(q, "putSkew", 5.0);
    refused(q, "putSkew", -0.001, "skew");
    refused(q, "putSkew", 5.001, "skew");
    accepted(q, "volOfVol", 0.0);
    accepted(q, "volOfVol", 100.0);
    refused(q, "volOfVol", -0.001, "vol-of-vol");
    refused(q, "volOfVol", 100.001, "vol-of-vol");
    accepted(q, "realisedVolJump", 100.0);
    refused(q, "realisedVolJump", 0.0, "rv-jump");
    refused(q, "realisedVolJump", 100.001, "rv-jump");
    accepted(q, "sizeUsd", 1e12);
    refused(q, "sizeUsd", 1.001e12, "size-usd");
    // the same strike at another maturity is a roll
    var later = with(q, "toDays", 14.0);
    accepted(later, "toStrike", 2000.0);
    refused(with(later, "toStrike", 2000.0), "toDays", 7.0, "to-strike");
  }

  @Test
  void rollAssumptionsRanges() {
    var a = RollAssumptions.DEFAULTS;
    refused(a, "reaction", null);
    refused(a, "ammPoolDepthUsd", 0.0);
    accepted(a, "makerCount", 1);
    refused(a, "makerCount", 0);
    for (String d : new String[] {"makerPollInterval", "auctionRamp", "patience", "flowInterval", "ammFeeRampWindow"}) {
      refused(a, d, Duration.ZERO);
      refused(a, d, Duration.ofSeconds(-1));
      refused(a, d, null);
      accepted(a, d, Duration.ofSeconds(1));
    }
    accepted(a, "naturalFlowUsdPerDay", 0.0);
    refused(a, "naturalFlowUsdPerDay", -1.0);
  }

  @Test
  void makerParamsResponseAndViewRanges() {
    var p = new MakerParams(0.7, 25, 50, 150, 1_000_000);
    refused(p, "volEstimate", 0.0);
    refused(p, "volEstimate", Double.POSITIVE_INFINITY);
    accepted(p, "halfSpreadBps", 0.0);
    refused(p, "halfSpreadBps", -0.1);
    refused(p, "halfSpreadBps", 10_000.0);
    accepted(with(p, "minEdgeBps", 0.0), "maxEdgeBps", 0.0);
    accepted(p, "maxEdgeBps", 50.0); // equal to the minimum: a flat requirement
    refused(p, "maxEdgeBps", 49.0);
    refused(p, "maxEdgeBps", 10_000.0);
    refused(p, "minEdgeBps", -1.0, "maxEdgeBps");
    refused(p, "inventoryLimitUsd", 0.0);
    refused(p, "inventoryLimitUsd", Double.POSITIVE_INFINITY);

    var r = new MakerResponse(0.75, 0.5, 0.06, 0.0001, 1.0);
    refused(r, "refVol", 0.0);
    accepted(r, "refVol", 10.0);
    refused(r, "refVol", 10.001);
    for (String f : new String[] {"volOfVolWeight", "ivHalfSpreadAtOneDay", "tickEth", "capacityCut"}) {
      accepted(r, f, 0.0);
      refused(r, f, -1e-9);
      refused(r, f, 1e6);
      accepted(r, f, 999_999.0);
    }

    var v = new MakerView(3000, VolSurface.flat(0.7), 0, 1, 0);
    refused(v, "spot", 0.0);
    refused(v, "spot", Double.POSITIVE_INFINITY);
    refused(v, "surface", null);
    accepted(v, "volOfVol", 0.0);
    refused(v, "volOfVol", -0.1);
    refused(v, "volOfVol", Double.POSITIVE_INFINITY);
    refused(v, "realisedVolJump", 0.0);
    refused(v, "realisedVolJump", Double.POSITIVE_INFINITY);
    refused(v, "volError", -0.9);
    accepted(v, "volError", -0.89);
    refused(v, "volError", 10.0);
    accepted(v, "volError", 9.99);

    var leg = SeriesLeg.p(new noliq.math.book.Token("P:2000"), 2000, 7);
    refused(leg, "strike", 0.0);
    refused(leg, "strike", Double.POSITIVE_INFINITY);
    accepted(leg, "days", 0.0);
    refused(leg, "days", -0.1);
    refused(leg, "token", null);
    refused(leg, "leg", null);
  }

  @Test
  void impactRanges() {
    var c = ImpactCalibration.DEFAULT;
    refused(c, "slippagePoint", null);
    accepted(with(c, "volElasticityLow", 0.0), "volElasticityHigh", 0.0);
    refused(c, "volElasticityLow", -0.001, "volElasticity");
    refused(c, "volElasticityHigh", 0.01, "volElasticity"); // below the low end, 0.017
    accepted(c, "volElasticityHigh", 0.017);
    refused(c, "volElasticityHigh", 1.0, "volElasticity");
    accepted(c, "volElasticityHigh", 0.999);
    refused(c, "recoveryHalfLife", null);
    refused(c, "recoveryHalfLife", Duration.ZERO);
    refused(c, "recoveryHalfLife", Duration.ofSeconds(-1));

    var point = ImpactCalibration.MAKER_2021;
    refused(point, "sizeUsd", 0.0);
    refused(point, "sizeUsd", Double.POSITIVE_INFINITY);
    refused(point, "sizeUsd", Double.NaN);
    refused(point, "slippage", 0.0);
    refused(point, "slippage", 1.0);
    refused(point, "slippage", Double.NaN);
    accepted(point, "slippage", 0.999);

    assertThatThrownBy(() -> new ImpactCurve.ConstantProduct(0)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("depthUsd:");
    assertThatThrownBy(() -> new ImpactCurve.SquareRoot(0)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("coefficient:");
    assertThatThrownBy(() -> new ImpactCurve.SquareRoot(Double.POSITIVE_INFINITY)).isInstanceOf(RuleViolation.class);

    assertThatCode(() -> new VolatilityResponse(0)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new VolatilityResponse(1)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> new VolatilityResponse(-0.01)).isInstanceOf(RuleViolation.class);
    var response = new VolatilityResponse(0.02);
    assertThatThrownBy(() -> response.multiplier(1, 0)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("baselineUsd:");
    assertThatThrownBy(() -> response.multiplier(-1, 1)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("liquidatedUsd:");
    // a market refuses a price of zero wherever it reads one
    var market = new noliq.market.impact.ForcedSaleMarket(new ImpactCurve.ConstantProduct(1e6), Duration.ofMinutes(30));
    Instant t = Instant.parse("2026-06-01T00:00:00Z");
    assertThatThrownBy(() -> market.price(0, t)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("exogenousPrice:");
    assertThatThrownBy(() -> market.price(Double.POSITIVE_INFINITY, t)).isInstanceOf(RuleViolation.class);
  }

  @Test
  void feeRanges() {
    Instant m = Instant.parse("2026-07-01T00:00:00Z");
    assertThatCode(() -> new FeeSchedule.RampToMaturity(3000, 3000, Duration.ofDays(7), m)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new FeeSchedule.RampToMaturity(3000, 2999, Duration.ofDays(7), m))
        .isInstanceOf(MarketException.class).hasMessageStartingWith("final-fee:");
    assertThatCode(() -> new FeeSchedule.Flat(0)).doesNotThrowAnyException();
    assertThatCode(() -> new FeeSchedule.Flat(FeeSchedule.MAX_FEE_PIPS)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new FeeSchedule.Flat(-1)).isInstanceOf(MarketException.class);
    assertThatThrownBy(() -> new FeeSchedule.Flat(FeeSchedule.MAX_FEE_PIPS + 1)).isInstanceOf(MarketException.class);
    assertThat(new FeeSchedule.Flat(0).feePips(m)).isZero();
  }
}
