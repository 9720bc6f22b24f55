package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.CrashEvents;
import noliq.lab.scenarios.EventAnchoredCrash;
import noliq.lab.scenarios.PricePath;
import noliq.market.agents.MakerView;
import noliq.market.agents.MarketMaker;
import noliq.market.agents.SeriesLeg;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.options.IndexId;
import noliq.options.Series;
import noliq.wrapper.port.ExecutionCost;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;
import org.junit.jupiter.api.Test;

/**
 * Roll costs that ignore the market fail these: one roll of about $100,000 of P, Kyrrui's price roll as
 * the trigger fires (x = 1.45 S: from P(S = x / 1.45, 10 days) down to P(S' = x / 2, 28 days)), through
 * each venue on the path's clock.
 */
class RollCostMetamorphicTest {
  static final AccountId HOLDER = AccountId.of("holder");
  static final double STRIKE_SHARE = 0.5;

  /** One roll of {@code usd} of P through {@code mechanism} at the start of {@code path}. */
  static ExecutionCost rollOnce(PricePath path, Mechanism mechanism, OptionsAssumptions a, long seed) {
    return rollOnce(path, 0, mechanism, a, seed);
  }

  /** One roll decided at point {@code at} of the path. */
  static ExecutionCost rollOnce(PricePath path, int at, Mechanism mechanism, OptionsAssumptions a, long seed) {
    OptionsMarket m = new OptionsMarket(a, mechanism, path);
    m.drawMakers(PathRandom.forPath(seed, 0));
    m.desk.setMakersPresent(true);
    Instant t0 = path.time(at);
    double x = path.price(at);
    Price strike = Price.fromDouble(Math.round(x / 1.45), Rounding.DOWN);
    Price lower = Price.fromDouble(Math.round(x * STRIKE_SHARE), Rounding.DOWN);
    Series old = Series.pn(IndexId.ETH_USD, strike, t0.plus(Duration.ofDays(10)));
    Series next = Series.pn(IndexId.ETH_USD, lower, t0.plus(Duration.ofDays(28)));
    m.ledger.list(old);
    m.ledger.list(next);
    Amount lot = Amount.fromDouble(100_000 / strike.toDouble(), Rounding.DOWN);
    m.ledger.deposit(HOLDER, lot);
    m.ledger.split(HOLDER, old.id(), lot, t0);
    Duration window = WrapperVaultDesign.rollWindow(mechanism, a);
    TradeOutcome out = m.venue.trade(new TradeRequest(HOLDER, old.pToken(), lot, next.pToken(), mechanism, t0,
        t0.plus(window)));
    assertThat(out).as(mechanism + " on " + path.source()).isInstanceOf(TradeOutcome.Filled.class);
    return m.venue.lastExecution().orElseThrow();
  }

  static double[] gbm(long seed, int hours, double vol) {
    return Paths.gbm(seed, hours, vol).prices();
  }

  static Map<Mechanism, Double> meanCostBps(PricePath[] paths, OptionsAssumptions a) {
    return meanCostBps(paths, new int[paths.length], a);
  }

  static Map<Mechanism, Double> meanCostBps(PricePath[] paths, int[] at, OptionsAssumptions a) {
    Map<Mechanism, Double> out = new EnumMap<>(Mechanism.class);
    for (Mechanism mech : Mechanism.values()) {
      double sum = 0;
      for (int i = 0; i < paths.length; i++) {
        ExecutionCost c = rollOnce(paths[i], at[i], mech, a, i);
        sum += c.bps(c.totalEth());
      }
      out.put(mech, sum / paths.length);
    }
    return out;
  }

  @Test
  void doublingVolatilityRaisesTheMeanCostPerRollForEveryMechanism() {
    int n = 16;
    PricePath[] calm = new PricePath[n];
    PricePath[] wild = new PricePath[n];
    for (int i = 0; i < n; i++) {
      // paired: the same shocks, the path's implied level at its own vol
      calm[i] = Paths.gbm(100 + i, 24 * 4, 0.4);
      wild[i] = Paths.gbm(100 + i, 24 * 4, 0.8);
    }
    Map<Mechanism, Double> low = meanCostBps(calm, OptionsAssumptions.DEFAULTS);
    Map<Mechanism, Double> high = meanCostBps(wild, OptionsAssumptions.DEFAULTS);
    for (Mechanism mech : Mechanism.values()) {
      assertThat(high.get(mech)).as(mech + ": 80% vol " + high + " against 40% " + low).isGreaterThan(low.get(mech));
    }
  }

  @Test
  void aCrashWindowCostsMorePerRollThanACalmWindowOfTheSameLength() {
    EventAnchoredCrash crash = EventAnchoredCrash.of(CrashEvents.MAR_2020);
    int n = 8;
    PricePath[] crashes = new PricePath[n];
    PricePath[] calm = new PricePath[n];
    for (int i = 0; i < n; i++) {
      crashes[i] = PricePath.crash(crash, crash.path(3000, PathRandom.forPath(2020, i)));
      // the same clock and length, a calm 40% GBM; both read their implied level off the same realised-vol mapping
      double[] p = new double[crashes[i].size()];
      double dt = crash.step().toSeconds() / (365.0 * 86_400);
      java.util.SplittableRandom rng = new java.util.SplittableRandom(7 + i);
      p[0] = 3000;
      for (int k = 1; k < p.length; k++) {
        double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        p[k] = p[k - 1] * Math.exp(-0.5 * 0.16 * dt + 0.4 * Math.sqrt(dt) * z);
      }
      calm[i] = PricePath.generated("calm", crashes[i].time(0), crash.step(), p);
    }
    // the roll is decided half-way down: at the point where the crash path has fallen half of its way to its low
    int[] at = new int[n];
    for (int i = 0; i < n; i++) {
      double low = crashes[i].minimum();
      double halfWay = 3000 - (3000 - low) / 2;
      int k = 0;
      while (crashes[i].price(k) > halfWay) {
        k++;
      }
      at[i] = k;
    }
    OptionsAssumptions a = OptionsAssumptions.DEFAULTS;
    Map<Mechanism, Double> inCrash = meanCostBps(crashes, at, a);
    Map<Mechanism, Double> inCalm = meanCostBps(calm, at, a);
    for (Mechanism mech : Mechanism.values()) {
      assertThat(inCrash.get(mech)).as(mech + ": crash " + inCrash + " against calm " + inCalm)
          .isGreaterThan(inCalm.get(mech));
    }
  }

  @Test
  void aFlatPathAtConstantVolCostsOnlyTheStatedFloor() {
    OptionsAssumptions d = OptionsAssumptions.DEFAULTS;
    OptionsAssumptions exact = d.withMarket(d.market().withReaction(d.market().reaction().withMakerVolErrorSd(0)));
    PricePath flat = Paths.flat(24 * 5, 3000);
    for (Mechanism mech : Mechanism.values()) {
      ExecutionCost c = rollOnce(flat, mech, exact, 1);
      // nothing moves but time: the move while waiting is theta's difference between the legs, under a basis point
      assertThat(Math.abs(c.bps(c.moveEth()))).as(mech + " move").isLessThan(1.0);
      assertThat(c.unfilledShare()).as(mech + " unfilled").isZero();
      switch (mech) {
        case AMM_SWAP -> {
          // two 0.3% fees, the second on the ETH the first hop left after its fee and impact
          assertThat(c.bps(c.feeEth())).isBetween(55.0, 60.0);
          assertThat(c.bps(c.impactEth())).isPositive();
          assertThat(c.bps(c.spreadEth())).isCloseTo(0, within(1e-6));
        }
        case DUTCH_AUCTION -> {
          // the makers take once the concession pays both legs' screen half-spreads and their minimum edge, all at
          // the surface's stress (0.8 over the 0.757 long-run level; no vol-of-vol on a frozen surface)
          SeriesLeg oldLeg = SeriesLeg.p(new noliq.math.book.Token("o"), Math.round(3000 / 1.45), 10);
          SeriesLeg newLeg = SeriesLeg.p(new noliq.math.book.Token("n"), 1500, 28);
          var reaction = exact.market().reaction();
          MakerView view = new MakerView(3000, reaction.surface(0.8), 0, 1, 0);
          MarketMaker mm = new MarketMaker(AccountId.of("m"), new noliq.market.agents.MakerParams(0.8, 0,
              exact.market().makerMinEdgeBps(), exact.market().makerMaxEdgeBps(), exact.market().makerInventoryUsd()),
              reaction.makerResponse(), new noliq.math.book.TokenBook());
          double floorBps = (mm.halfSpreadEth(oldLeg, view) / mm.fairEth(oldLeg, view)
              + mm.halfSpreadEth(newLeg, view) / mm.fairEth(newLeg, view)) * 1e4
              + reaction.makerResponse().stress(view) * exact.market().makerMinEdgeBps();
          double perPollBps = exact.market().auctionEdgePips() / 100.0 / (24 * 60);
          assertThat(c.bps(c.spreadEth())).isBetween(floorBps - 0.5, floorBps + 2 * perPollBps + 0.5);
          assertThat(c.feeEth()).isZero();
        }
        case RESTING_ORDERS -> {
          // flow crosses the resting orders at fair value: no spread is paid
          assertThat(Math.abs(c.bps(c.totalEth()))).isLessThan(1.0);
        }
      }
    }
  }
}
