package noliq.lab.scenarios;

/**
 * The embedded default model: GARCH(1,1) with Student-t innovations fitted by maximum likelihood
 * ({@link GarchFit}, variance targeting) to the hourly close-to-close log returns of Binance spot
 * ETH/USDT in {@code shared/data/eth_usdt_1h.csv}. The data is not committed; these parameters
 * are, with their provenance; the data suite ({@code FittedModelsTest}, run with
 * {@code -Dnoliq.data}) re-fits them from the file and checks that they agree.
 *
 * <p>The fit: persistence {@code alpha + beta = 0.9965} (a shock's effect on variance halves in
 * about 200 hours), fat tails ({@code nu = 3.5}), and a long-run volatility of about 90% a year,
 * ETH's realised volatility over 2017–2026.
 */
public final class FittedModels {
  /** When the fit was made. */
  public static final String FIT_DATE = "2026-11-21";
  /** The data it was fitted on (bar open times of the first and last bar). */
  public static final String DATA_SPAN = "eth_usdt_1h.csv (Binance spot ETH/USDT, 1h), 2017-08-17T04:00Z to 2026-07-26T16:00Z";
  /** Returns fitted: 78,245 bars give 78,244 steps, less the 28 that span a gap in the data. */
  public static final int OBSERVATIONS = 78_216;
  /** The maximised log-likelihood. */
  public static final double LOG_LIKELIHOOD = 281_259.92301762453;

  /** Mean log return per hour. */
  public static final double MU = 2.2687710677037538E-5;
  /** Per hour squared. */
  public static final double OMEGA = 3.1832244057444167E-7;
  public static final double ALPHA = 0.06669156945769429;
  public static final double BETA = 0.9298385357750484;
  public static final double NU = 3.4964256901965722;

  private FittedModels() {}

  /** The fitted hourly ETH model. */
  public static GarchT ethHourly() {
    return new GarchT(MU, OMEGA, ALPHA, BETA, NU, PriceModel.HOUR_YEARS);
  }
}
