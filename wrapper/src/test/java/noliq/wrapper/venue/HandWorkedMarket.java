package noliq.wrapper.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import noliq.market.roll.MarketReaction;
import noliq.market.roll.RollAssumptions;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.IndexId;
import noliq.options.OptionsLedger;
import noliq.options.Series;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.TradeRequest;

/**
 * A market whose every price can be worked by hand, for the venues' cost tests.
 *
 * <p>Two deep in-the-money P series at a flat 20% vol: the old one of strike 1,000 maturing in 30 days,
 * the new one of strike 800 in 60 days. With r = 0 a P is worth K − put(K) index units, and these puts
 * are worthless: at spot 2,000 the old put's d2 = (ln 2 − σ²τ/2) / σ√τ = (0.69315 − 0.00164) / 0.05734 =
 * 12.06 (τ = 30/365), the new one's (ln 2.5 − 0.00329) / 0.08111 = 11.26, so N(−d2) &lt; 1e-28 and a P is
 * worth its strike: 1,000 and 800 index units, that is 1000/x and 800/x ETH (0.5 and 0.4 ETH at 2,000,
 * 0.4 and 0.32 at 2,500). Their ratio is 1.25 at every spot.
 *
 * <p>The makers do not react to the market's state (the response is {@code MakerResponse.NONE}: a
 * 25 bp half-spread of fair value, edges from 10.05 to 110.05 bp, $5M each), natural flow is
 * $1M a day in hourly parts whatever the vol, and pools keep their full depth: every rule of the
 * venues is then arithmetic on these two prices. The auction concedes 1.44% over a day, 0.1 bp a
 * minute, so the makers' 10.05 bp minimum is first beaten at minute 101 (10.1 bp), by 0.05 bp.
 */
final class HandWorkedMarket {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  static final AccountId TRADER = AccountId.of("trader");
  /** The makers' response is NONE (refVol 1, no vol-of-vol, screen spread, tick or capacity cut); no skew; no flow reaction. */
  static final MarketReaction CALM = new MarketReaction(0, 0, 1, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  static final RollAssumptions ASSUMPTIONS = new RollAssumptions(7_000_000, 3_000, 10_000, Duration.ofDays(7), 14_400,
      Duration.ofDays(1), Duration.ofMinutes(1), 5, 25, 10.05, 110.05, 5_000_000, Duration.ofDays(3), 1_000_000,
      Duration.ofHours(1), CALM);

  /**
   * A reacting market whose numbers stay hand-workable: the long-run vol is 0.1, so at the 20% surface
   * the makers' stress is 0.2 / 0.1 = 2 and their half-spread 2 × the 0.000625 ETH tick = 0.00125 ETH
   * (no vega term: the screen's vol spread is 0); natural flow scales with the level, (0.2 / 0.1)^1 = 2,
   * to $83,333 an hour, and is one-sided, 0.5 × (2 − 1) = half of it turning from buying P to selling it
   * (buyers of the old P $41,667 an hour, sellers of the new $125,000); the pools' dynamic fee doubles
   * their 0.3% to 0.6%, and their providers commit (0.1 / 0.2)^1 = half the depth. Capacity is unchanged.
   */
  static final MarketReaction REACTING = new MarketReaction(0, 0, 1, 4, 0.1, 0, 0, 0.000625, 0, 0, 1, 0.5, 1, 1);

  /** The hand-worked assumptions with this reaction and this much natural flow a day. */
  static RollAssumptions assumptions(MarketReaction reaction, double flowUsdPerDay) {
    RollAssumptions a = ASSUMPTIONS;
    return new RollAssumptions(a.ammPoolDepthUsd(), a.ammBaseFeePips(), a.ammFinalFeePips(), a.ammFeeRampWindow(),
        a.auctionEdgePips(), a.auctionRamp(), a.makerPollInterval(), a.makerCount(), a.makerHalfSpreadBps(),
        a.makerMinEdgeBps(), a.makerMaxEdgeBps(), a.makerInventoryUsd(), a.patience(), flowUsdPerDay, a.flowInterval(),
        reaction);
  }

  final VenueRollTest world = new VenueRollTest();
  final TokenBook book = world.book;
  final OptionsLedger ledger = world.ledger;
  final Series oldSeries = Series.pn(IndexId.ETH_USD, Price.of(1000), T0.plus(Duration.ofDays(30)));
  final Series newSeries = Series.pn(IndexId.ETH_USD, Price.of(800), T0.plus(Duration.ofDays(60)));
  final Token oldP = oldSeries.pToken();
  final Token newP = newSeries.pToken();
  /** Spot at each moment (2,000 unless a test moves it). */
  Function<Instant, Double> spot = t -> 2000.0;
  final MarketDesk desk;

  HandWorkedMarket() {
    this(ASSUMPTIONS);
  }

  HandWorkedMarket(RollAssumptions assumptions) {
    ledger.list(oldSeries);
    ledger.list(newSeries);
    desk = new MarketDesk(ledger, now -> new Observation(Price.fromDouble(spot.apply(now), Rounding.DOWN), now, 0.2),
        assumptions);
  }

  /** The trader holds {@code units} of the old P (and as many old N), split from deposited ETH. */
  void traderHoldsOldP(long units) {
    ledger.deposit(TRADER, Amount.of(units));
    ledger.split(TRADER, oldSeries.id(), Amount.of(units), T0);
  }

  TradeRequest request(Token give, Amount amount, Token receive, Mechanism m, Duration window) {
    return new TradeRequest(TRADER, give, amount, receive, m, T0, T0.plus(window));
  }

  /** {@code text} ETH (or P) as an exact amount. */
  static Amount units(String text) {
    return Amount.of(text);
  }

  /** Every ETH in the book was deposited; every series has as much P as N, all backed by locked ETH. */
  void assertSuppliesWhole() {
    world.assertSupplies();
  }
}
