package noliq.market.roll;

import java.util.List;
import noliq.market.agents.MakerResponse;
import noliq.market.roll.RollAssumptions.Assumption;
import noliq.math.RuleViolation;
import noliq.pricing.VolSurface;

/**
 * How the roll markets react to the path's state: the smile every surface carries, the makers'
 * response to vol, vol-of-vol and realised-vol jumps, their estimation error, natural flow, and the
 * pools' depth rule. Each constant is fitted to data (with its provenance) or stated as an
 * assumption to vary.
 *
 * @param putSkew the smile's relative rise per unit of standardised moneyness below the money
 * @param callSkew ... above the money
 * @param wingCap the largest wing vol as a multiple of the at-the-money vol
 * @param termMeanReversionPerYear κ of the at-the-money term structure
 * @param longRunVol the level the term structure reverts to, and the vol at which stated bps hold
 * @param volOfVolWeight the makers' stress multiplier's rise per unit of annualised vol-of-vol
 * @param ivHalfSpreadAtOneDay half the screen's implied-vol bid-ask at one day (scales as 1/√days)
 * @param tickEth the makers' smallest half-spread, ETH per token
 * @param capacityCut how much makers' capacity falls per unit of realised-vol jump
 * @param makerVolErrorSd the standard deviation of each maker's relative error on the surface's level
 * @param flowVolElasticity natural flow scales as (atm / longRunVol) to this power
 * @param flowImbalancePerVol the share of natural flow that turns from buying P to selling it, per unit of
 *     (atm / longRunVol − 1), at most 0.9: in a sell-off everyone wants puts, nobody wants P
 * @param ammDepthVolExponent pool depth scales as min(1, (longRunVol / atm)^this): LPs break even when
 *     their fees (∝ volume, which scales as vol^flowVolElasticity) cover their loss to arbitrage (∝ σ² ·
 *     depth; Milionis et al. 2022), so depth ∝ vol^(flowVolElasticity − 2)
 * @param ammFeeVolExponent a dynamic fee, off at 0: each pool's fee is its schedule's times
 *     max(1, (atm / longRunVol)^this) at the moment of each swap (rounded up, at most 10%), so LPs are paid
 *     more per unit of volume when their loss to arbitrage per unit of volume rises with vol
 */
public record MarketReaction(
    double putSkew,
    double callSkew,
    double wingCap,
    double termMeanReversionPerYear,
    double longRunVol,
    double volOfVolWeight,
    double ivHalfSpreadAtOneDay,
    double tickEth,
    double capacityCut,
    double makerVolErrorSd,
    double flowVolElasticity,
    double flowImbalancePerVol,
    double ammDepthVolExponent,
    double ammFeeVolExponent) {

  /** Mean Deribit ETH DVOL, 2021-03-24 .. 2026-04-06 (1,840 days). */
  public static final double DVOL_MEAN = 0.757;

  public static final MarketReaction DEFAULTS = new MarketReaction(
      0.174, 0.103, 3.0, 4.0, DVOL_MEAN,
      0.5, 0.061, 0.00005, 1.0, 0.015,
      1.0, 0.5, 1.0, 0.0);

  public MarketReaction {
    range("putSkew", putSkew, 0, 5);
    range("callSkew", callSkew, 0, 5);
    range("wingCap", wingCap, 1, 20);
    range("termMeanReversionPerYear", termMeanReversionPerYear, 1e-6, 365);
    range("longRunVol", longRunVol, 1e-3, 10);
    range("volOfVolWeight", volOfVolWeight, 0, 100);
    range("ivHalfSpreadAtOneDay", ivHalfSpreadAtOneDay, 0, 5);
    range("tickEth", tickEth, 0, 1);
    range("capacityCut", capacityCut, 0, 100);
    range("makerVolErrorSd", makerVolErrorSd, 0, 0.5);
    range("flowVolElasticity", flowVolElasticity, 0, 10);
    range("flowImbalancePerVol", flowImbalancePerVol, 0, 10);
    range("ammDepthVolExponent", ammDepthVolExponent, 0, 10);
    range("ammFeeVolExponent", ammFeeVolExponent, 0, 10);
  }

  /** The same reaction with makers reading the surface with error sd {@code sd} (0: every maker reads it exactly). */
  public MarketReaction withMakerVolErrorSd(double sd) {
    return new MarketReaction(putSkew, callSkew, wingCap, termMeanReversionPerYear, longRunVol, volOfVolWeight,
        ivHalfSpreadAtOneDay, tickEth, capacityCut, sd, flowVolElasticity, flowImbalancePerVol, ammDepthVolExponent,
        ammFeeVolExponent);
  }

  /** The same reaction with the pools' depth rule and dynamic fee at these exponents. */
  public MarketReaction withAmmVolRule(double depthExponent, double feeExponent) {
    return new MarketReaction(putSkew, callSkew, wingCap, termMeanReversionPerYear, longRunVol, volOfVolWeight,
        ivHalfSpreadAtOneDay, tickEth, capacityCut, makerVolErrorSd, flowVolElasticity, flowImbalancePerVol, depthExponent,
        feeExponent);
  }

  /** The surface at a 30-day at-the-money level, with this smile and term structure. */
  public VolSurface surface(double atm30) {
    return new VolSurface(atm30, longRunVol, termMeanReversionPerYear, putSkew, callSkew, wingCap);
  }

  /** The makers' response. */
  public MakerResponse makerResponse() {
    return new MakerResponse(longRunVol, volOfVolWeight, ivHalfSpreadAtOneDay, tickEth, capacityCut);
  }

  /** Natural flow's multiplier at level {@code atm30}. */
  public double flowScale(double atm30) {
    return Math.pow(atm30 / longRunVol, flowVolElasticity);
  }

  /** The share of natural flow that sells P rather than buys it, above the balanced half. */
  public double flowImbalance(double atm30) {
    return Math.min(0.9, Math.max(0, flowImbalancePerVol * (atm30 / longRunVol - 1)));
  }

  /** The pools' depth as a share of their depth at the long-run vol. */
  public double ammDepthShare(double atm30) {
    return Math.min(1, Math.pow(longRunVol / atm30, ammDepthVolExponent));
  }

  /** The dynamic fee's multiplier of a pool's scheduled fee at level {@code atm30}: 1 at or below the long-run vol, or with the fee off. */
  public double ammFeeMultiplier(double atm30) {
    return Math.max(1, Math.pow(atm30 / longRunVol, ammFeeVolExponent));
  }

  /** A pool's fee schedule under the dynamic-fee rule, its level read at each swap's moment from {@code atm30At}. */
  public noliq.market.amm.FeeSchedule ammFees(noliq.market.amm.FeeSchedule schedule,
      java.util.function.ToDoubleFunction<java.time.Instant> atm30At) {
    if (ammFeeVolExponent == 0) {
      return schedule;
    }
    return new noliq.market.amm.FeeSchedule.Scaled(schedule, now -> ammFeeMultiplier(atm30At.applyAsDouble(now)));
  }

  List<Assumption> describe() {
    String vary = "assumption: vary it";
    String chain = "fitted on Deribit's ETH book summary 2025-11-22 (options/book_summary_2025-11-22.csv; SmileFit, "
        + "refit test)";
    return List.of(
        new Assumption("putSkew", Double.toString(putSkew), chain + ": sigma/atm - 1 = putSkew * (-ln(K/F))/sqrt(T), "
            + "70 puts, 7 days or more; rmse 3.3 vol points"),
        new Assumption("callSkew", Double.toString(callSkew), chain + ": 218 calls; rmse 4.8 vol points"),
        new Assumption("wingCap", Double.toString(wingCap), vary + " (the deepest quoted put, k = -1.7 at 34 days, "
            + "trades at 1.9x the at-the-money vol)"),
        new Assumption("termMeanReversionPerYear", Double.toString(termMeanReversionPerYear), vary + " (GARCH-like "
            + "variance term structure; 2-month half-life)"),
        new Assumption("longRunVol", Double.toString(longRunVol), "mean Deribit ETH DVOL 2021-03 .. 2026-04; the "
            + "term structure's long end and the level at which stated bps edges hold"),
        new Assumption("volOfVolWeight", Double.toString(volOfVolWeight), vary + " (makers widen with vol-of-vol)"),
        new Assumption("ivHalfSpreadAtOneDay", Double.toString(ivHalfSpreadAtOneDay), "fitted on Deribit's chain "
            + "export 2025-11-18 (595 two-sided quotes): median of half the IV bid-ask x sqrt(days); makers quote P "
            + "at vega x this / sqrt(days)"),
        new Assumption("tickEth", Double.toString(tickEth), "Deribit ETH option tick 0.0001 ETH: a one-tick market "
            + "(the narrowest half-spread in the chain export)"),
        new Assumption("capacityCut", Double.toString(capacityCut), vary + " (capacity / (1 + cut x (1-day over "
            + "30-day realised vol - 1)): makers pull size when realised vol jumps)"),
        new Assumption("makerVolErrorSd", Double.toString(makerVolErrorSd), vary + " (about the 30-day screen "
            + "half-spread over the level; drawn per maker per roll from the run's generator)"),
        new Assumption("flowVolElasticity", Double.toString(flowVolElasticity), vary + " (volume rises with vol, "
            + "the volume-volatility relation)"),
        new Assumption("flowImbalancePerVol", Double.toString(flowImbalancePerVol), vary + " (one-sided flow when "
            + "vol is high: P sellers, i.e. put buyers)"),
        new Assumption("ammDepthVolExponent", Double.toString(ammDepthVolExponent), "LPs scale depth by "
            + "(longRunVol/atm)^this, at most 1: they break even when fees (proportional to volume, which scales as "
            + "vol^flowVolElasticity) cover LVR (sigma^2 x depth; Milionis, Moallemi, Roughgarden, Zhang 2022), so "
            + "this = 2 - flowVolElasticity; vary both. The stated rule: pools persist, and each is seeded at the depth "
            + "of the vol when its series is first traded; a roll in high vol meets a thinner pool"),
        new Assumption("ammFeeVolExponent", Double.toString(ammFeeVolExponent), vary + " (a dynamic fee, off at 0: "
            + "the fee schedule times max(1, (atm/longRunVol)^this) at each swap, so LPs charge more per unit of volume "
            + "when LVR per unit of volume, proportional to sigma^2 / volume, rises)"));
  }

  private static void range(String field, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      throw new RuleViolation(field, "must be in [" + lo + ", " + hi + "] (was " + v + ")");
    }
  }
}
