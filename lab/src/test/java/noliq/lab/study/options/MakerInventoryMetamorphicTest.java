package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.CrashEvents;
import noliq.lab.scenarios.EventAnchoredCrash;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.Trace;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.options.IndexId;
import noliq.options.Series;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;
import noliq.wrapper.venue.MakerInventory;
import org.junit.jupiter.api.Test;

/**
 * The makers who take a roll carry it: a crash window, where the roll arrives half-way down and the
 * fall goes on, must cost them more inventory loss than a calm window of the same length and clock.
 * The roll is Kyrrui's price roll (as in {@link RollCostMetamorphicTest}), ~$100k of P through the
 * rotation auction; the makers' lots are marked on the path's surface until the unwind horizon.
 */
class MakerInventoryMetamorphicTest {
  static final AccountId HOLDER = AccountId.of("holder");

  /** The makers' inventory totals after one auction roll decided at point {@code at}, carried to the horizon. */
  static MakerInventory.Totals rollAndCarry(PricePath path, int at, OptionsAssumptions a, long seed) {
    OptionsMarket m = new OptionsMarket(a, Mechanism.DUTCH_AUCTION, path);
    m.drawMakers(PathRandom.forPath(seed, 0));
    m.desk.setMakersPresent(true);
    Instant t0 = path.time(at);
    double x = path.price(at);
    Series old = Series.pn(IndexId.ETH_USD, Price.fromDouble(Math.round(x / 1.45), Rounding.DOWN), t0.plus(Duration.ofDays(10)));
    Series next = Series.pn(IndexId.ETH_USD, Price.fromDouble(Math.round(x / 2), Rounding.DOWN), t0.plus(Duration.ofDays(28)));
    m.ledger.list(old);
    m.ledger.list(next);
    Amount lot = Amount.fromDouble(100_000 / old.strike().toDouble(), Rounding.DOWN);
    m.ledger.deposit(HOLDER, lot);
    m.ledger.split(HOLDER, old.id(), lot, t0);
    TradeOutcome out = m.venue.trade(new TradeRequest(HOLDER, old.pToken(), lot, next.pToken(), Mechanism.DUTCH_AUCTION, t0,
        t0.plus(a.market().auctionRamp())));
    assertThat(out).isInstanceOf(TradeOutcome.Filled.class);
    for (int i = at + 1; i < path.size(); i++) {
      m.makersAt(path.time(i));
    }
    m.desk.unwindAll(path.time(path.size() - 1));
    return m.desk.inventory().totals();
  }

  /**
   * The spot move alone: both windows carry the same implied level (80%) throughout, so what differs
   * is the path. The makers hold the roll-down lot (short the near put, long more of the far one: long
   * delta), and the crash's fall after the roll costs them more than the calm window's wander.
   */
  @Test
  void aCrashWindowCostsMakersMoreInventoryLossThanACalmWindowAtTheSameImpliedLevel() {
    double[] loss = meanLosses(true);
    assertThat(loss[0]).as("mean inventory loss: crash " + loss[0] + " against calm " + loss[1]).isGreaterThan(loss[1]).isPositive();
  }

  /**
   * With each path's own implied-vol state the mean can go either way (the far put the makers are
   * long gains on the crash's vol spike: measured, not assumed), but the tail cannot: the worst
   * lot's loss on the crash windows exceeds the worst on the calm ones.
   */
  @Test
  void aCrashWindowsWorstLotLosesMoreThanACalmWindowsWithThePathsOwnVol() {
    double[] worst = meanLosses(false);
    assertThat(worst[2]).as("worst lot loss: crash " + worst[2] + " against calm " + worst[3]).isGreaterThan(worst[3]).isPositive();
  }

  /** {mean loss on crashes, mean loss on calm windows, worst lot loss on crashes, worst on calm}, USD, 8 pairs. */
  static double[] meanLosses(boolean sameImpliedLevel) {
    EventAnchoredCrash crash = EventAnchoredCrash.of(CrashEvents.MAR_2020);
    int n = 8;
    double[] out = new double[4];
    for (int i = 0; i < n; i++) {
      PricePath down = PricePath.crash(crash, crash.path(3000, PathRandom.forPath(2020, i)));
      PricePath calm = calmLike(down, 7 + i);
      if (sameImpliedLevel) {
        down = Paths.constantVol(down, 0.8);
        calm = Paths.constantVol(calm, 0.8);
      }
      // decided half-way down, as in the roll-cost test; the same point on the calm path
      double halfWay = 3000 - (3000 - down.minimum()) / 2;
      int at = 0;
      while (down.price(at) > halfWay) {
        at++;
      }
      MakerInventory.Totals inCrash = rollAndCarry(down, at, OptionsAssumptions.DEFAULTS, i);
      MakerInventory.Totals inCalm = rollAndCarry(calm, at, OptionsAssumptions.DEFAULTS, i);
      assertThat(inCrash.lots()).isPositive();
      assertThat(inCrash.open()).isZero();
      // the makers are paid an edge for taking the roll: the inventory loss is what the move takes back
      assertThat(inCrash.edgeUsd()).isPositive();
      out[0] -= inCrash.inventoryUsd() / n;
      out[1] -= inCalm.inventoryUsd() / n;
      out[2] = Math.max(out[2], -inCrash.worstLotUsd());
      out[3] = Math.max(out[3], -inCalm.worstLotUsd());
    }
    return out;
  }

  /** A longer horizon carries the lot further into the fall: the makers lose more on the crash. */
  @Test
  void carryingTheLotLongerIntoTheFallCostsMore() {
    EventAnchoredCrash crash = EventAnchoredCrash.of(CrashEvents.MAR_2020);
    PricePath down = PricePath.crash(crash, crash.path(3000, PathRandom.forPath(2020, 0)));
    int at = 0;
    while (down.price(at) > 3000 - (3000 - down.minimum()) / 4) {
      at++;
    }
    double previous = Double.POSITIVE_INFINITY;
    for (Duration h : List.of(Duration.ZERO, Duration.ofHours(6), Duration.ofDays(1))) {
      OptionsAssumptions a = OptionsAssumptions.DEFAULTS.withInventory(new MakerInventory.Rule(h, 0));
      double pnl = rollAndCarry(down, at, a, 0).inventoryUsd();
      assertThat(pnl).as("horizon " + h).isLessThan(previous);
      previous = pnl;
    }
  }

  /** The design's figure is the makers' P&amp;L over their committed capital, written as the role's loss metric. */
  @Test
  void theAuctionDesignWritesTheMakersPnlOverTheirCapital() {
    WrapperVaultDesign d = new WrapperVaultDesign(NHolderDesign.DEFAULT_POLICY, Mechanism.DUTCH_AUCTION);
    List<MetricSpec> specs = d.metrics();
    int pct = index(specs, ".lp_pnl_pct_capital");
    assertThat(specs.get(pct).loss()).isEqualTo(MetricSpec.Loss.GAIN);
    assertThat(specs.get(pct).role()).isEqualTo(MetricSpec.Role.LIQUIDITY_PROVIDER);
    int filled = 0;
    for (long seed = 1; seed <= 4; seed++) {
      double[] out = new double[specs.size()];
      d.newRun().simulate(Paths.gbm(seed, 24 * 60, 0.8), PathRandom.forPath(5, seed), Trace.NONE, out, 0);
      double pnl = out[index(specs, ".maker_pnl_usd")];
      double capital = out[index(specs, ".maker_capital_usd")];
      assertThat(out[pct]).isCloseTo(capital > 0 ? 100 * pnl / capital : 0, within(1e-9));
      assertThat(out[index(specs, ".maker_pnl_pct_capital")]).isEqualTo(out[pct]);
      assertThat(out[index(specs, ".lp_capital_usd")]).isZero(); // no pools on an auction design
      if (capital > 0) {
        filled++;
        // the makers' P&L is their edge at the fills plus what their lots made after them
        assertThat(pnl - out[index(specs, ".maker_inventory_usd")]).isPositive();
      }
    }
    assertThat(filled).as("paths on which makers took a roll").isPositive();
  }

  /** A calm 40% GBM on {@code crash}'s clock and length, from the same start (as the roll-cost test builds it). */
  static PricePath calmLike(PricePath crash, long seed) {
    double[] p = new double[crash.size()];
    double dt = Duration.between(crash.time(0), crash.time(1)).toSeconds() / (365.0 * 86_400);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    p[0] = crash.price(0);
    for (int k = 1; k < p.length; k++) {
      double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
      p[k] = p[k - 1] * Math.exp(-0.5 * 0.16 * dt + 0.4 * Math.sqrt(dt) * z);
    }
    return PricePath.generated("calm", crash.time(0), Duration.between(crash.time(0), crash.time(1)), p);
  }

  static int index(List<MetricSpec> specs, String suffix) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).name().endsWith(suffix)) {
        return i;
      }
    }
    throw new AssertionError("no metric " + suffix);
  }
}
