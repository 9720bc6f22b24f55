package noliq.lab.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import noliq.math.RuleViolation;

/**
 * A price path on the virtual clock: point {@code t} has a time, a price (the close) and the lowest
 * price since the previous point (the intrabar low: the bar's low on a replay; on a generated path
 * the price itself unless {@link #withLows} gave it lows, as the model scenarios do with
 * {@link BridgeLows}). A
 * mechanism that triggers on any touch, such as a liquidation, uses {@link #low(int)}; one that
 * trades at the step, such as a roll, uses {@link #price(int)}. Point 0 is the start.
 *
 * <p>Historical paths keep their gaps: the clock jumps over missing bars, and {@link #gaps()}
 * says where.
 */
public final class PricePath {
  private final String source;
  private final long[] epochMillis;
  private final double[] price;
  private final double[] low;
  private final List<Gap> gaps;

  private PricePath(String source, long[] epochMillis, double[] price, double[] low, List<Gap> gaps) {
    this.source = source;
    this.epochMillis = epochMillis;
    this.price = price;
    this.low = low;
    this.gaps = List.copyOf(gaps);
  }

  /** A generated path: {@code prices[t]} at {@code start + t * step}; lows are the prices. */
  public static PricePath generated(String source, Instant start, Duration step, double[] prices) {
    if (prices.length == 0) {
      throw new RuleViolation("prices", "must not be empty");
    }
    if (step.isNegative() || step.isZero()) {
      throw new RuleViolation("step", "must be positive (was " + step + ")");
    }
    long[] t = new long[prices.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = start.plus(step.multipliedBy(i)).toEpochMilli();
    }
    return new PricePath(source, t, prices.clone(), prices.clone(), List.of());
  }

  /** An event-anchored crash path (from {@link EventAnchoredCrash#path}) on the event's own clock. */
  public static PricePath crash(EventAnchoredCrash crash, double[] prices) {
    if (prices.length != crash.steps() + 1) {
      throw new RuleViolation("prices", "must hold " + (crash.steps() + 1) + " points for " + crash.event().id() + " (was " + prices.length + ")");
    }
    return generated(crash.event().id(), crash.time(0), crash.step(), prices);
  }

  /**
   * Historical replay: point 0 is the first bar's open at its open time; point i is bar i's close
   * at the bar's end, with the bar's low as the lowest price on the way.
   */
  public static PricePath replay(OhlcSeries series) {
    List<Bar> bars = series.bars();
    int n = bars.size() + 1;
    long[] t = new long[n];
    double[] p = new double[n];
    double[] l = new double[n];
    double[] v = new double[n];
    t[0] = bars.get(0).time().toEpochMilli();
    p[0] = bars.get(0).open();
    l[0] = bars.get(0).open();
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      t[i + 1] = b.time().plus(series.barSize()).toEpochMilli();
      p[i + 1] = b.close();
      l[i + 1] = b.low();
      v[i + 1] = b.volume();
    }
    PricePath out = new PricePath(series.source(), t, p, l, series.gaps());
    out.volume = v;
    return out;
  }

  /**
   * The same path with {@code lows[t]} as the lowest price within step t: at most the price at
   * both ends of the step ({@code lows[0]} at most the first price).
   */
  public PricePath withLows(double[] lows) {
    if (lows.length != price.length) {
      throw new RuleViolation("lows", "must hold " + price.length + " points (was " + lows.length + ")");
    }
    for (int t = 0; t < lows.length; t++) {
      double bound = t == 0 ? price[0] : Math.min(price[t - 1], price[t]);
      if (!(lows[t] > 0) || lows[t] > bound) {
        throw new RuleViolation("lows", "point " + t + " must be positive and at most the step's end prices (was "
            + lows[t] + " against " + bound + ")");
      }
    }
    PricePath out = new PricePath(source, epochMillis, price, lows.clone(), gaps);
    // Lows and the implied-vol state are independent: keep the level's recipe this path was given.
    out.levelFrom(this);
    out.impliedAtm = impliedAtm;
    out.volOfVol = volOfVol;
    out.realisedVolJump = realisedVolJump;
    out.volume = volume;
    return out;
  }

  public String source() {
    return source;
  }

  /** The number of points (steps + 1). */
  public int size() {
    return price.length;
  }

  public Instant time(int t) {
    return Instant.ofEpochMilli(epochMillis[t]);
  }

  public double price(int t) {
    return price[t];
  }

  public double low(int t) {
    return low[t];
  }

  public List<Gap> gaps() {
    return gaps;
  }

  /** A copy of the prices. */
  public double[] prices() {
    return price.clone();
  }

  /** A copy of the lows. */
  public double[] lows() {
    return low.clone();
  }

  /** The lowest low over the whole path. */
  public double minimum() {
    return Arrays.stream(low).min().orElseThrow();
  }

  /** Calls {@code onTick} for every point in time order: the virtual clock. */
  public void run(Tick onTick) {
    for (int t = 0; t < price.length; t++) {
      onTick.at(t, time(t), price[t], low[t]);
    }
  }

    // ---- implied-vol state (issue 10): the market's surface level and stress, point by point ----

  /*
   * Where the level comes from, one of: a level given point by point (explicitAtm); a model's own 30-day vol
   * forecast (forwardVol, times the premium); history's DVOL by day (dvol, else the mapping); or, with none of
   * them, the realised-vol mapping. The fitted constants that turn these into a level are inputs (ivParameters):
   * withImpliedVol re-reads the same data under other constants.
   */
  private double[] explicitAtm;
  private double[] forwardVol;
  private java.util.Map<java.time.LocalDate, Double> dvol;
  private ImpliedVolParameters ivParameters = ImpliedVolParameters.DEFAULTS;
  /** Computed on first use from the recipe above. */
  private double[] impliedAtm;
  private double[] volOfVol;
  private double[] realisedVolJump;

  private void levelFrom(PricePath other) {
    explicitAtm = other.explicitAtm;
    forwardVol = other.forwardVol;
    dvol = other.dvol;
    ivParameters = other.ivParameters;
  }

  /** The same prices, lows and traded volume (a state of its own, kept by every change of the implied-vol recipe). */
  private PricePath sameData() {
    PricePath out = new PricePath(source, epochMillis, price, low, gaps);
    out.volume = volume;
    return out;
  }

  /** This path with its implied-vol level given point by point (the constants of {@link #withImpliedVol} no longer apply). */
  public PricePath withImpliedAtm(double[] atm) {
    if (atm == null || atm.length != price.length) {
      throw new RuleViolation("impliedAtm", "must hold one level per point (" + price.length + ")");
    }
    for (double v : atm) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new RuleViolation("impliedAtm", "every level must be positive and finite (was " + v + ")");
      }
    }
    PricePath out = sameData();
    out.ivParameters = ivParameters;
    out.explicitAtm = atm.clone();
    return out;
  }

  /** This path with its model's own 30-day vol forecast per point: its level is that times the premium. */
  PricePath withForwardVol(double[] forward) {
    if (forward == null || forward.length != price.length) {
      throw new RuleViolation("forwardVol", "must hold one forecast per point (" + price.length + ")");
    }
    for (double v : forward) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new RuleViolation("forwardVol", "every forecast must be positive and finite (was " + v + ")");
      }
    }
    PricePath out = sameData();
    out.ivParameters = ivParameters;
    out.forwardVol = forward.clone();
    return out;
  }

  /** A replay with DVOL closes by UTC day: its level is the previous day's close where there is one, else the mapping. */
  PricePath withDvol(java.util.Map<java.time.LocalDate, Double> closes) {
    PricePath out = sameData();
    out.ivParameters = ivParameters;
    out.dvol = java.util.Map.copyOf(closes);
    return out;
  }

  /**
   * The same path with its level read under the constants {@code p} (the variance risk premium, the mapping from
   * realised vol, the long-run level, whether history reads DVOL); the same path if they are its own.
   */
  public PricePath withImpliedVol(ImpliedVolParameters p) {
    if (p == null) {
      throw new RuleViolation("impliedVol", "is required");
    }
    if (p.equals(ivParameters)) {
      return this;
    }
    PricePath out = sameData();
    out.levelFrom(this);
    out.ivParameters = p;
    return out;
  }

  /** The constants this path's level is read under. */
  public ImpliedVolParameters impliedVolParameters() {
    return ivParameters;
  }

  /** The 30-day at-the-money implied vol at point {@code t} (see {@link ImpliedVol} for where it comes from). */
  public double impliedAtm(int t) {
    if (impliedAtm == null) {
      impliedAtm = level();
    }
    return impliedAtm[t];
  }

  private double[] level() {
    if (explicitAtm != null) {
      return explicitAtm;
    }
    if (forwardVol != null) {
      double[] out = new double[forwardVol.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = ivParameters.fromForward(forwardVol[i]);
      }
      return out;
    }
    if (dvol != null) {
      return ImpliedVol.historicalAtm(ivParameters, epochMillis, price, dvol);
    }
    return ImpliedVol.mappedAtm(ivParameters, epochMillis, price);
  }

  /** The annualised volatility of the level's log changes over the trailing week, at point {@code t}. */
  public double volOfVol(int t) {
    if (volOfVol == null) {
      impliedAtm(0);
      volOfVol = ImpliedVol.volOfVol(epochMillis, impliedAtm);
    }
    return volOfVol[t];
  }

  /** One-day over 30-day trailing realised vol at point {@code t}: above 1 when realised vol jumps. */
  public double realisedVolJump(int t) {
    if (realisedVolJump == null) {
      realisedVolJump = ImpliedVol.realisedJump(ivParameters, epochMillis, price);
    }
    return realisedVolJump[t];
  }

  /** The last point at or before {@code now} (0 before the start): the path's state at any moment of its clock. */
  public int indexAt(Instant now, int from) {
    long ms = now.toEpochMilli();
    int i = Math.max(0, Math.min(from, price.length - 1));
    while (i > 0 && epochMillis[i] > ms) {
      i--;
    }
    while (i + 1 < price.length && epochMillis[i + 1] <= ms) {
      i++;
    }
    return i;
  }

  // ---- traded-volume state: the ETH the market trades, step by step ----

  /** ETH traded in each step (point 0: none); null until given (a replay's bars, or {@link TradedVolume#model}). */
  private double[] volume;
  private double[] dayVolume;

  /** This path with {@code ethPerStep[t]} ETH traded in step t (point 0 is ignored); its implied-vol state is kept. */
  public PricePath withVolume(double[] ethPerStep) {
    if (ethPerStep == null || ethPerStep.length != price.length) {
      throw new RuleViolation("volume", "must hold one amount per point (" + price.length + ")");
    }
    for (double v : ethPerStep) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new RuleViolation("volume", "every amount must be non-negative and finite (was " + v + ")");
      }
    }
    PricePath out = sameData();
    out.levelFrom(this);
    out.impliedAtm = impliedAtm;
    out.volOfVol = volOfVol;
    out.realisedVolJump = realisedVolJump;
    out.volume = ethPerStep.clone();
    return out;
  }

  /** Whether the path carries a volume state. */
  public boolean hasVolume() {
    return volume != null;
  }

  /** The ETH traded in step {@code t} (Binance ETH/USDT's volume on history; the fitted model's on a generated path). */
  public double volume(int t) {
    requireVolume();
    return volume[t];
  }

  /**
   * The ETH traded over the UTC day that step {@code t} starts in, scaled to a whole day where the
   * path covers only part of it ({@link TradedVolume#dayVolumeAt}).
   */
  public double dayVolume(int t) {
    requireVolume();
    if (dayVolume == null) {
      dayVolume = TradedVolume.dayVolumeAt(epochMillis, volume);
    }
    return dayVolume[t];
  }

  /** The UTC day (days since 1970-01-01) that step {@code t} starts in: the day its forced sales count against. */
  public long stepDay(int t) {
    return Math.floorDiv(epochMillis[Math.max(0, t - 1)], 86_400_000L);
  }

  private void requireVolume() {
    if (volume == null) {
      throw new IllegalStateException(source + ": this path has no volume state (give it one with withVolume)");
    }
  }

  /** The times of the points, epoch milliseconds (a copy). */
  long[] epochMillis() {
    return epochMillis.clone();
  }

  /** What the virtual clock calls at each point. */
  @FunctionalInterface
  public interface Tick {
    void at(int step, Instant now, double price, double low);
  }
}
