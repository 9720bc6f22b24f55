package noliq.lab.study.options;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.OptionsLedger;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.lab.scenarios.PricePath;
import noliq.pricing.VolSurface;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.port.MarketStress;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.RollVenue;
import noliq.wrapper.vault.Marks;
import noliq.wrapper.venue.AmmVenue;
import noliq.wrapper.venue.AuctionVenue;
import noliq.wrapper.venue.BookVenue;
import noliq.wrapper.venue.MarketDesk;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One path's world: a fresh {@link TokenBook}, the options ledger settling through the
 * {@link SlowOracle}, the roll markets ({@link MarketDesk} and a venue of the chosen mechanism),
 * and the path's state, which is both the market's reference and the vault's feed. The state at any
 * moment is the path's last point at or before it: spot, the implied-vol surface (the path's 30-day
 * at-the-money level with {@link noliq.market.roll.MarketReaction}'s smile and term structure) and the
 * stress readings, so an auction's ramp and a resting order's patience see the market move. The
 * lab is the keeper: it opens a settlement request the first step a held series is past maturity,
 * with that step's price as the truth. The ledger waits the settlement game's timeout for a final
 * answer; after it, a series the oracle never answered settles by its invalid policy.
 */
final class OptionsMarket {
  final OptionsAssumptions assumptions;
  final TokenBook book = new TokenBook();
  final SlowOracle oracle;
  final OptionsLedger ledger;
  final MarketDesk desk;
  final RollVenue venue;
  final Marks marks;
  final Mechanism mechanism;
  private final Map<SeriesId, Instant> requestedAt = new HashMap<>();
  private final Map<SeriesId, Double> truth = new HashMap<>();
  private Price spot;
  private double spotDouble = Double.NaN;
  private final PricePath path;
  private int cursor;
  private int cachedIndex = -1;
  private Price cachedSpot;
  private VolSurface cachedSurface;

  /** A world on {@code path}'s clock: every observation is the path's state at that moment. */
  OptionsMarket(OptionsAssumptions a, Mechanism mechanism, PricePath path) {
    this(a, mechanism, path.price(0), path);
  }

  /** A world without a path: the price is what {@link #setPrice} last set, the surface {@code makerVol}'s. */
  OptionsMarket(OptionsAssumptions a, Mechanism mechanism, double startPrice) {
    this(a, mechanism, startPrice, null);
  }

  private OptionsMarket(OptionsAssumptions a, Mechanism mechanism, double startPrice, PricePath path) {
    this.assumptions = a;
    // the path's implied-vol level, read with the study's constants (the fitted ones unless overridden)
    this.path = path == null ? null : path.withImpliedVol(a.impliedVol());
    this.oracle = new SlowOracle(book, a);
    this.ledger = new OptionsLedger(book, oracle.port(), event -> { }, a.settlement().settlementTimeout());
    this.desk = new MarketDesk(ledger, this::observe, a.market());
    this.venue = switch (mechanism) {
      case AMM_SWAP -> new AmmVenue(desk);
      case DUTCH_AUCTION -> new AuctionVenue(desk);
      case RESTING_ORDERS -> new BookVenue(desk);
    };
    this.marks = new Marks(ledger);
    this.mechanism = mechanism;
    desk.setInventoryRule(a.inventory());
    if (path != null) {
      desk.setStress(t -> {
        int i = index(t);
        return new MarketStress(path.volOfVol(i), path.realisedVolJump(i));
      });
    }
    setPrice(startPrice);
  }

  private int index(Instant t) {
    cursor = path.indexAt(t, cursor);
    return cursor;
  }

  /** The makers' books on the path's clock: each step unwinds, at fair value then, the lots due by {@code now}. */
  void makersAt(Instant now) {
    desk.unwindDue(now);
  }

  /**
   * At the path's end: the makers unwind what they still carry, and the liquidity providers' side
   * (makers' edge and inventory; the pools' LPs and arbitrageurs when the venue has pools) goes to
   * {@code tracker}.
   */
  void closeLiquidity(Instant end, WrapperTracker tracker) {
    desk.unwindAll(end);
    AmmVenue.LpReport lp = venue instanceof AmmVenue amm ? amm.lpReport(end) : null;
    tracker.liquidity(mechanism, desk.inventory().totals(), lp);
  }

  /** The study's short name of a mechanism, used in design ids. */
  static String idOf(Mechanism m) {
    return switch (m) {
      case AMM_SWAP -> "amm";
      case DUTCH_AUCTION -> "auction";
      case RESTING_ORDERS -> "book";
    };
  }

  void setPrice(double x) {
    if (x != spotDouble) {
      spotDouble = x;
      spot = null; // made exact only when someone observes it
    }
  }

  double price() {
    return spotDouble;
  }

  Observation observe(Instant now) {
    if (path != null) {
      int i = index(now);
      if (i != cachedIndex) {
        cachedIndex = i;
        cachedSpot = Price.fromDouble(path.price(i), Rounding.DOWN);
        cachedSurface = assumptions.market().reaction().surface(path.impliedAtm(i));
      }
      return new Observation(cachedSpot, now, cachedSurface);
    }
    if (spot == null) {
      spot = Price.fromDouble(spotDouble, Rounding.DOWN);
    }
    return new Observation(spot, now, assumptions.market().reaction().surface(assumptions.makerVol()));
  }

  /**
   * A stated share of rolls meets no maker, and each maker reads the surface with its own relative
   * error (normal, sd {@code makerVolErrorSd}, clipped to ±50%): drawn once per roll from the run's generator.
   * An AMM roll draws nothing: no maker trades in the pools, so the makers' count, error and outage must not
   * move an AMM design's figures through the generator's stream either.
   */
  void drawMakers(UniformRandomProvider rng) {
    if (mechanism == Mechanism.AMM_SWAP) {
      return;
    }
    desk.setMakersPresent(rng.nextDouble() >= assumptions.makerOutageProbability());
    double sd = assumptions.market().reaction().makerVolErrorSd();
    double[] errors = new double[assumptions.market().makerCount()];
    for (int i = 0; i < errors.length; i++) {
      double u1 = Math.max(rng.nextDouble(), 1e-300);
      double u2 = rng.nextDouble();
      double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      errors[i] = Math.max(-0.5, Math.min(0.5, sd * z));
    }
    desk.setMakerVolErrors(errors);
  }

  /** The model mark of everything {@code account} holds, in USD, at {@code now}. */
  double markUsd(AccountId account, Instant now) {
    Observation obs = observe(now);
    double sum = 0;
    for (Map.Entry<Token, Amount> e : book.balancesOf(account).entrySet()) {
      sum += marks.mark(e.getKey(), e.getValue(), obs, Rounding.DOWN).toDouble();
    }
    return sum;
  }

  /**
   * Keeper duty for a held series at {@code now}: opens its settlement request the first step past
   * maturity (the truth is this step's price); true once the oracle's answer is final, or once the
   * ledger's settlement timeout has passed without one (the series then settles by its invalid policy).
   */
  boolean settlementFinal(Series series, Instant now, UniformRandomProvider rng) {
    oracle.advance(now);
    if (now.isBefore(series.maturity())) {
      return false;
    }
    if (!requestedAt.containsKey(series.id())) {
      requestedAt.put(series.id(), now);
      truth.put(series.id(), spotDouble);
      oracle.open(series, spotDouble, now, rng);
    }
    return oracle.isFinal(series, now) || !now.isBefore(series.maturity().plus(ledger.settlementTimeout()));
  }

  /**
   * Tells the tracker how {@code series} settled, if not at once: after a dispute and the vote's rounds, from a
   * captured vote, or by the ledger's timeout.
   */
  void recordHow(Series series, WrapperTracker tracker) {
    if (oracle.disputed(series)) {
      tracker.disputed(oracle.voteRounds(series));
    }
    if (oracle.captured(series)) {
      tracker.captured();
    }
    if (ledger.settledByTimeout(series.id())) {
      tracker.lapsed();
    }
  }

  /** The truth a series' settlement was asked with: the price of the first step past maturity. */
  double truthAtMaturity(SeriesId id) {
    return truth.get(id);
  }
}
