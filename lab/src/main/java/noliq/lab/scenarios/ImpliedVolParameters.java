package noliq.lab.scenarios;

import noliq.math.RuleViolation;

/**
 * The implied-vol state's fitted constants as inputs: how a path's 30-day at-the-money level is read from
 * its data ({@link ImpliedVol}). The defaults are {@link ImpliedVolFit}'s fit on Deribit ETH DVOL and ETH
 * daily closes; a study overrides or sweeps them by name ({@code lab.study.Assumptions}) to see how its
 * answers move with them.
 *
 * @param ivOverForwardRv the variance risk premium as a vol ratio: a model path's level is this times the
 *     model's own 30-day vol forecast (GARCH-t's conditional variance; GBM's and Merton's total vol)
 * @param rvMapIntercept the mapping {@code ln iv = intercept + slope · ln rv30} from trailing 30-day realised
 *     vol (crash bridges, bootstraps, history before DVOL, a user's CSV): its intercept
 * @param rvMapSlope ... and its slope
 * @param longRunAtm the level a path starts from before it has 30 days of returns (its realised-vol prior is
 *     the one the mapping turns into this level)
 * @param historyDvol whether history reads Deribit's DVOL (the previous UTC day's close) where it has one;
 *     false: the mapping everywhere, to see what the mapping alone would say
 */
public record ImpliedVolParameters(double ivOverForwardRv, double rvMapIntercept, double rvMapSlope, double longRunAtm,
    boolean historyDvol) {

  /** The fitted values ({@link ImpliedVol}'s constants, checked against the files by the refit test). */
  public static final ImpliedVolParameters DEFAULTS = new ImpliedVolParameters(ImpliedVol.IV_OVER_FORWARD_RV,
      ImpliedVol.RV_MAP_INTERCEPT, ImpliedVol.RV_MAP_SLOPE, ImpliedVol.LONG_RUN_ATM, true);

  public ImpliedVolParameters {
    range("ivOverForwardRv", ivOverForwardRv, 0.2, 5);
    range("rvMapIntercept", rvMapIntercept, -3, 3);
    range("rvMapSlope", rvMapSlope, 0, 3);
    range("longRunAtm", longRunAtm, ImpliedVol.MIN_VOL, ImpliedVol.MAX_VOL);
  }

  private static void range(String field, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      throw new RuleViolation(field, "must be in [" + lo + ", " + hi + "] (was " + v + ")");
    }
  }

  /** The mapping from trailing realised vol to implied. */
  public double fromRealised(double rv30) {
    return ImpliedVol.clamp(Math.exp(rvMapIntercept + rvMapSlope * Math.log(Math.max(rv30, ImpliedVol.MIN_VOL))));
  }

  /** A model's 30-day forward vol forecast as implied vol: times the premium. */
  public double fromForward(double forwardVol) {
    return ImpliedVol.clamp(ivOverForwardRv * forwardVol);
  }

  /**
   * The realised vol the mapping turns into {@link #longRunAtm}: a path's prior before it has history. With a
   * zero slope the mapping is flat and no realised vol reaches the long run: the prior is then the long run itself.
   */
  public double priorRealised() {
    if (rvMapSlope == 0) {
      return longRunAtm;
    }
    return Math.min(ImpliedVol.MAX_VOL, Math.max(ImpliedVol.MIN_VOL, Math.exp((Math.log(longRunAtm) - rvMapIntercept) / rvMapSlope)));
  }
}
