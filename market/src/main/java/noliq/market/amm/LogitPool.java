package noliq.market.amm;

import java.time.Duration;
import java.time.Instant;
import noliq.market.Checks;
import noliq.market.MarketError;
import noliq.market.MarketEvent;
import noliq.market.MarketException;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * A time-aware pool for P against an asset (Pendle v2's PT market, anchors A10). In index units P
 * pays {@code min(x, S)}: like a bond with face S while the index stays above the strike. Against a
 * stable, the pool's {@code face} is S per P, and the curve's exchange rate (P per face) must stay
 * at least 1, so the pool never prices P above its cap. The curve steepens as 1/time-to-maturity
 * and its anchor follows the last implied rate, so with time alone the price converges to the
 * face: P's payoff at maturity in the regime a P wrapper keeps it in. Swaps stop at maturity.
 *
 * <p>Reserves are the pool account's exact balances in the shared {@link TokenBook}. The curve is
 * evaluated in {@code double}; each result is rounded into an exact amount in the pool's favour
 * (what the trader pays rounds up, what the trader gets rounds down), and a trade may not push
 * P's share of the pool past {@code maxProportion} (Pendle: 96%).
 */
public final class LogitPool {
  /** Pendle's {@code MAX_MARKET_PROPORTION}. */
  public static final double PENDLE_MAX_PROPORTION = 0.96;

  private final TokenBook book;
  private final String name;
  private final AccountId account;
  private final Token pToken;
  private final Token asset;
  private final Amount face;
  private final Instant maturity;
  private final double scalarRoot;
  private final long feePips;
  private final double maxProportion;
  private final Token shareToken;
  private double lnImpliedRate;
  private boolean initialized;

  public LogitPool(TokenBook book, String name, Token pToken, Token asset, Amount face, Instant maturity,
      double scalarRoot, long feePips, double maxProportion) {
    if (pToken.equals(asset)) {
      throw new MarketException(new MarketError.SameToken("asset", asset));
    }
    Checks.positive("face", face);
    Checks.required("maturity", maturity);
    if (!(scalarRoot > 0) || Double.isInfinite(scalarRoot)) {
      throw new MarketException(new MarketError.NotPositive("scalarRoot", scalarRoot));
    }
    Checks.pips("fee", feePips, FeeSchedule.MAX_FEE_PIPS);
    if (!(maxProportion > 0.5 && maxProportion < 1)) {
      throw new MarketException(new MarketError.OutOfRange("maxProportion", "between 0.5 and 1, exclusive", maxProportion));
    }
    this.book = book;
    this.name = name;
    this.account = AccountId.of("pool:" + name);
    this.pToken = pToken;
    this.asset = asset;
    this.face = face;
    this.maturity = maturity;
    this.scalarRoot = scalarRoot;
    this.feePips = feePips;
    this.maxProportion = maxProportion;
    this.shareToken = new Token("LP:" + name);
  }

  public AccountId account() {
    return account;
  }

  public Token pToken() {
    return pToken;
  }

  public Token asset() {
    return asset;
  }

  public Amount face() {
    return face;
  }

  public double lnImpliedRate() {
    return lnImpliedRate;
  }

  /**
   * Seeds the pool: the provider deposits both sides and the curve starts at {@code initialAnchor}
   * (Pendle's {@code initialAnchor}, at least 1). Shares {@code sqrt(p * asset)} are minted to it.
   */
  public MarketEvent.LiquidityAdded initialize(AccountId provider, Amount pAmount, Amount assetAmount,
      double initialAnchor, Instant now) {
    Checks.required("now", now);
    if (initialized) {
      throw new MarketException(new MarketError.OutOfRange("pool", "not yet initialised", name));
    }
    Checks.positive("pAmount", pAmount);
    Checks.positive("assetAmount", assetAmount);
    if (!now.isBefore(maturity)) {
      throw new MarketException(new MarketError.Halted(name, maturity, now));
    }
    requireNotSelf(provider);
    double t = secondsToExpiry(now);
    if (!(initialAnchor >= 1) || Double.isInfinite(initialAnchor)) {
      throw new MarketException(new MarketError.OutOfRange("initialAnchor", "at least 1", initialAnchor));
    }
    double proportion = proportion(pAmount.toDouble(), faces(assetAmount));
    if (proportion > maxProportion) {
      throw new MarketException(new MarketError.OutOfRange("pAmount", "at most " + maxProportion + " of the pool",
          proportion));
    }
    double e = LogitCurve.exchangeRate(proportion, LogitCurve.rateScalar(scalarRoot, t), initialAnchor);
    if (!(e >= 1)) {
      throw new MarketException(new MarketError.OutOfRange("initialAnchor", "high enough that P costs at most its face", e));
    }
    Amount shares = new Amount(Exact.mul(pAmount.wei(), assetAmount.wei()).sqrt());
    book.atomically(() -> {
      book.transfer(pToken, provider, account, pAmount);
      book.transfer(asset, provider, account, assetAmount);
      book.mint(shareToken, provider, shares);
    });
    lnImpliedRate = LogitCurve.lnImpliedRate(e, t);
    initialized = true;
    return new MarketEvent.LiquidityAdded(name, provider, pAmount, assetAmount, shares, now);
  }

  /** P's marginal price in the asset now (before fees): {@code face / E}. */
  public Price spotPrice(Instant now) {
    requireOpen(now);
    double e = exchangeRateAfter(0.0, now);
    return Price.fromDouble(face.toDouble() / e, Rounding.DOWN);
  }

  /** Sells exactly {@code pIn} of P for at least {@code minAssetOut}. */
  public MarketEvent.Swapped sellP(AccountId trader, Amount pIn, Amount minAssetOut, Instant now) {
    Checks.required("now", now);
    Checks.positive("pIn", pIn);
    requireOpen(now);
    requireNotSelf(trader);
    CurveState before = state(now);
    double e = exchangeRateAfter(-pIn.toDouble(), now);
    double gross = pIn.toDouble() / e * face.toDouble();
    Amount out = Amount.fromDouble(gross * (FeeSchedule.PIPS - feePips) / FeeSchedule.PIPS, Rounding.DOWN);
    if (out.isZero()) {
      throw new MarketException(new MarketError.NothingOut("pIn", pIn));
    }
    if (out.compareTo(book.balanceOf(account, asset)) >= 0) {
      throw new MarketException(new MarketError.InsufficientLiquidity(name, "would pay out all its " + asset));
    }
    if (minAssetOut != null && out.isLessThan(minAssetOut)) {
      throw new MarketException(new MarketError.SlippageExceeded("minAssetOut", minAssetOut, out));
    }
    book.atomically(() -> {
      book.transfer(pToken, trader, account, pIn);
      book.transfer(asset, account, trader, out);
    });
    updateRate(before);
    return new MarketEvent.Swapped(name, trader, pToken, pIn, asset, out, feePips, now);
  }

  /** Buys exactly {@code pOut} of P, paying at most {@code maxAssetIn}. */
  public MarketEvent.Swapped buyP(AccountId trader, Amount pOut, Amount maxAssetIn, Instant now) {
    Checks.required("now", now);
    Checks.positive("pOut", pOut);
    requireOpen(now);
    requireNotSelf(trader);
    if (pOut.compareTo(book.balanceOf(account, pToken)) >= 0) {
      throw new MarketException(new MarketError.InsufficientLiquidity(name, "holds " + book.balanceOf(account, pToken)
          + " " + pToken));
    }
    CurveState before = state(now);
    double e = exchangeRateAfter(pOut.toDouble(), now);
    double gross = pOut.toDouble() / e * face.toDouble();
    Amount in = Amount.fromDouble(gross * (FeeSchedule.PIPS + feePips) / FeeSchedule.PIPS, Rounding.UP);
    if (maxAssetIn != null && in.isGreaterThan(maxAssetIn)) {
      throw new MarketException(new MarketError.SlippageExceeded("maxAssetIn", maxAssetIn, in));
    }
    book.atomically(() -> {
      book.transfer(asset, trader, account, in);
      book.transfer(pToken, account, trader, pOut);
    });
    updateRate(before);
    return new MarketEvent.Swapped(name, trader, asset, in, pToken, pOut, feePips, now);
  }

  /** The curve's pre-trade state: the anchor stays fixed through a trade, as in Pendle. */
  private record CurveState(double secondsToExpiry, double scalar, double anchor, double pt, double faces) {}

  private CurveState state(Instant now) {
    double t = secondsToExpiry(now);
    double pt = book.balanceOf(account, pToken).toDouble();
    double faces = faces(book.balanceOf(account, asset));
    double scalar = LogitCurve.rateScalar(scalarRoot, t);
    double anchor = LogitCurve.rateAnchor(lnImpliedRate, proportion(pt, faces), scalar, t);
    return new CurveState(t, scalar, anchor, pt, faces);
  }

  /** The exchange rate (P per face) at which {@code netPToTrader} would trade now; checks the cap and E >= 1. */
  private double exchangeRateAfter(double netPToTrader, Instant now) {
    CurveState s = state(now);
    double newProportion = (s.pt - netPToTrader) / (s.pt + s.faces);
    if (newProportion > maxProportion) {
      throw new MarketException(new MarketError.InsufficientLiquidity(name,
          "P's share would reach " + newProportion + ", above the cap " + maxProportion));
    }
    if (!(newProportion > 0)) {
      throw new MarketException(new MarketError.InsufficientLiquidity(name, "would empty its P"));
    }
    double e = LogitCurve.exchangeRate(newProportion, s.scalar, s.anchor);
    if (!(e >= 1)) {
      throw new MarketException(new MarketError.PriceOutsideCurve("pOut",
          Price.fromDouble(face.toDouble() / Math.max(e, 1e-18), Rounding.DOWN), new Price(face.wei())));
    }
    return e;
  }

  /** After a trade: the new implied rate from the new proportion, with the trade's anchor. */
  private void updateRate(CurveState before) {
    double pt = book.balanceOf(account, pToken).toDouble();
    double faces = faces(book.balanceOf(account, asset));
    double e = LogitCurve.exchangeRate(proportion(pt, faces), before.scalar, before.anchor);
    lnImpliedRate = LogitCurve.lnImpliedRate(Math.max(e, 1.0), before.secondsToExpiry);
  }

  private double faces(Amount assetAmount) {
    return assetAmount.toDouble() / face.toDouble();
  }

  private static double proportion(double pt, double faces) {
    return pt / (pt + faces);
  }

  private double secondsToExpiry(Instant now) {
    return Duration.between(now, maturity).toNanos() / 1e9;
  }

  private void requireOpen(Instant now) {
    if (!initialized) {
      throw new MarketException(new MarketError.InsufficientLiquidity(name, "not initialised"));
    }
    if (!now.isBefore(maturity)) {
      throw new MarketException(new MarketError.Halted(name, maturity, now));
    }
  }

  private void requireNotSelf(AccountId trader) {
    if (account.equals(trader)) {
      throw new MarketException(new MarketError.SelfTrade("trader", trader));
    }
  }
}
