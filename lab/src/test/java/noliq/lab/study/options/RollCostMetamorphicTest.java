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
    return meanBps(paths, at, a, ExecutionCost::totalEth);
  }

  /** The mean over paths of one part of the cost ({@code part}: total, execution, move...), in bps of the fair value given. */
  static Map<Mechanism, Double> meanBps(PricePath[] paths, int[] at, OptionsAssumptions a,
      java.util.function.ToDoubleFunction<ExecutionCost> part) {
    Map<Mechanism, Double> out = new EnumMap<>(Mechanism.class);
    for (Mechanism mech : Mechanism.values()) {
      double sum = 0;
      for (int i = 0; i < paths.length; i++) {
        ExecutionCost c = rollOnce(paths[i], at[i], mech, a, i);
        sum += c.bps(part.applyAsDouble(c));
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

  @Test
  void onAPathTheDynamicFeeRisesWithTheLevelAtEachSwap() {
    OptionsAssumptions a = OptionsAssumptions.DEFAULTS;
    var reaction = a.market().reaction();
    OptionsAssumptions dynamic = a.withMarket(a.market().withReaction(reaction.withAmmVolRule(reaction.ammDepthVolExponent(), 1)));
    for (int i = 0; i < 4; i++) {
      PricePath quiet = Paths.gbm(900 + i, 24 * 2, 0.5);
      PricePath wild = Paths.constantVol(quiet, 2 * reaction.longRunVol());
      ExecutionCost quietStatic = rollOnce(quiet, Mechanism.AMM_SWAP, a, i);
      ExecutionCost quietDynamic = rollOnce(quiet, Mechanism.AMM_SWAP, dynamic, i);
      ExecutionCost wildStatic = rollOnce(wild, Mechanism.AMM_SWAP, a, i);
      ExecutionCost wildDynamic = rollOnce(wild, Mechanism.AMM_SWAP, dynamic, i);
      // below the long-run level the fee is the schedule's; at twice it, twice the schedule's
      assertThat(quietDynamic.bps(quietDynamic.feeEth())).isCloseTo(quietStatic.bps(quietStatic.feeEth()), within(1e-9));
      assertThat(wildDynamic.bps(wildDynamic.feeEth())).isGreaterThan(1.9 * wildStatic.bps(wildStatic.feeEth()));
      assertThat(wildDynamic.bps(wildDynamic.totalEth())).isGreaterThan(wildStatic.bps(wildStatic.totalEth()));
    }
  }

  /** {@code a} with its implied-vol constants changed by {@code change}. */
  static OptionsAssumptions withIv(OptionsAssumptions a, java.util.function.UnaryOperator<double[]> change) {
    var d = a.impliedVol();
    double[] v = change.apply(new double[] {d.ivOverForwardRv(), d.rvMapIntercept(), d.rvMapSlope(), d.longRunAtm()});
    return a.withImpliedVol(new noliq.lab.scenarios.ImpliedVolParameters(v[0], v[1], v[2], v[3], d.historyDvol()));
  }

  @Test
  void theFittedImpliedVolConstantsAreInputsAndTheCostMovesWithThem() {
    OptionsAssumptions a = OptionsAssumptions.DEFAULTS;
    // paths without a model's view read their level off the realised-vol mapping, from the long-run level before 30
    // days of returns: paired calm 80% GBM paths of 4 days (as the doubling test's), their level mapped, not given.
    // (On crash bridges decided half-way down, resting orders' cost is the crash's move while they wait: it does not
    // rise with the level, so the comparison is made where the roll's own execution is what differs.)
    int n = 12;
    PricePath[] bridges = new PricePath[n];
    int[] at = new int[n];
    for (int i = 0; i < n; i++) {
      PricePath g = Paths.gbm(300 + i, 24 * 4, 0.8);
      double[] p = new double[g.size()];
      for (int k = 0; k < p.length; k++) {
        p[k] = g.price(k);
      }
      bridges[i] = PricePath.generated("mapped-" + i, Paths.T0, Duration.ofHours(1), p);
    }
    OptionsAssumptions higherLongRun = withIv(a, v -> new double[] {v[0], v[1], v[2], 1.2});
    Map<Mechanism, Double> base = meanCostBps(bridges, at, a);
    Map<Mechanism, Double> baseExecution = meanBps(bridges, at, a, ExecutionCost::executionEth);
    Map<Mechanism, Double> higher = meanCostBps(bridges, at, higherLongRun);
    Map<Mechanism, Double> higherExecution = meanBps(bridges, at, higherLongRun, ExecutionCost::executionEth);
    // the mapping itself shows once a path has 30 days of its own returns: 40 days, the roll decided on day 35
    PricePath[] longer = new PricePath[n];
    int[] day35 = new int[n];
    for (int i = 0; i < n; i++) {
      PricePath g = Paths.gbm(500 + i, 24 * 40, 0.8);
      double[] p = new double[g.size()];
      for (int k = 0; k < p.length; k++) {
        p[k] = g.price(k);
      }
      longer[i] = PricePath.generated("mapped-40d-" + i, Paths.T0, Duration.ofHours(1), p);
      day35[i] = 24 * 35;
    }
    OptionsAssumptions higherIntercept = withIv(a, v -> new double[] {v[0], v[1] + 0.3, v[2], v[3]});
    Map<Mechanism, Double> fittedMap = meanBps(longer, day35, a, ExecutionCost::executionEth);
    Map<Mechanism, Double> higherMap = meanBps(longer, day35, higherIntercept, ExecutionCost::executionEth);
    // model paths: the level is the model's own forecast times the variance risk premium
    PricePath[] garch = new PricePath[n];
    for (int i = 0; i < n; i++) {
      garch[i] = new noliq.lab.scenarios.Scenario.Stochastic("garch-t", noliq.lab.scenarios.FittedModels.ethHourly(), 3000,
          24 * 4, Paths.T0).path(PathRandom.forPath(77, i));
    }
    OptionsAssumptions richer = withIv(a, v -> new double[] {1.5, v[1], v[2], v[3]});
    Map<Mechanism, Double> garchBase = meanBps(garch, new int[n], a, ExecutionCost::executionEth);
    Map<Mechanism, Double> richerPremium = meanBps(garch, new int[n], richer, ExecutionCost::executionEth);
    // the instant and the auctioned roll pay more (spread or edge, fees, impact, and in all) as each constant rises:
    // makers widen and pools thin with the level
    for (Mechanism mech : new Mechanism[] {Mechanism.AMM_SWAP, Mechanism.DUTCH_AUCTION}) {
      assertThat(higherExecution.get(mech)).as(mech + ": execution at longRunAtm 1.2 " + higherExecution + " against 0.757 "
          + baseExecution).isGreaterThan(baseExecution.get(mech));
      assertThat(higher.get(mech)).as(mech + ": longRunAtm 1.2 " + higher + " against 0.757 " + base)
          .isGreaterThan(base.get(mech));
      assertThat(higherMap.get(mech)).as(mech + ": execution at rvMap intercept +0.3 " + higherMap + " against fitted "
          + fittedMap).isGreaterThan(fittedMap.get(mech));
      assertThat(richerPremium.get(mech)).as(mech + ": execution at ivOverForwardRv 1.5 " + richerPremium + " against 1.116 "
          + garchBase).isGreaterThan(garchBase.get(mech));
    }
    // resting orders move with them too, but not one way: a higher level widens the makers they cross after their
    // patience, and brings more natural flow (flowVolElasticity) to fill them at fair value first. Measured here
    // (n = 12 paired paths each): +3 bps at longRunAtm 1.2, -4 bps at the mapping's intercept +0.3, -12 bps at a
    // premium of 1.5: which side wins depends on the path.
    Mechanism book = Mechanism.RESTING_ORDERS;
    assertThat(Math.abs(higherExecution.get(book) - baseExecution.get(book))).as("book, longRunAtm").isGreaterThan(0.5);
    assertThat(Math.abs(higherMap.get(book) - fittedMap.get(book))).as("book, rvMap").isGreaterThan(0.5);
    assertThat(Math.abs(richerPremium.get(book) - garchBase.get(book))).as("book, ivOverForwardRv").isGreaterThan(0.5);
    System.out.printf("implied-vol constants, mean bps over %d paths: execution at longRunAtm 0.757 %s, 1.2 %s; total %s, %s;"
        + " rvMap intercept fitted %s, +0.3 %s; ivOverForwardRv 1.116 %s, 1.5 %s%n", n, baseExecution, higherExecution, base,
        higher, fittedMap, higherMap, garchBase, richerPremium);
    // and by name, as a study config or a sweep gives them
    var p = noliq.lab.study.Assumptions.apply("assumptions", Map.of("longRunAtm", 1.2, "ivOverForwardRv", 1.5,
        "rvMapIntercept", 0.1, "rvMapSlope", 0.5, "historyAtm", 0.0));
    var iv = p.options().impliedVol();
    assertThat(new double[] {iv.longRunAtm(), iv.ivOverForwardRv(), iv.rvMapIntercept(), iv.rvMapSlope()})
        .containsExactly(1.2, 1.5, 0.1, 0.5);
    assertThat(iv.historyDvol()).isFalse();
  }
}
