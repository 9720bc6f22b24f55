package noliq.lab.study.debt;

import static noliq.lab.study.debt.DebtBookFixtures.crash;
import static noliq.lab.study.debt.DebtBookFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.Trace;
import noliq.lab.engine.PathRandom;
import org.junit.jupiter.api.Test;

/** Forced sales feed back into the price: the same path and seed with the impact on and off. */
class CascadeTest {
  /** 2,000 to 1,500 over a day: it reaches the borrowers with a health under 1.33 (about 60% of the fitted book), so forced sales can reach more. */
  private static final PricePath CRASH = crash(1500, 24);

  /**
   * 2,000 to 1,800: it reaches the borrowers under health 1.11 (about a third of the fitted book), less
   * than the Stability Pool holds, so no book runs into a hard cap and forced sales can reach more.
   */
  private static final PricePath SHALLOW = crash(1800, 24);

  @Test
  void withImpactTheCascadeLiquidatesMoreAndTheEndogenousLowIsDeeper() {
    List<DebtBook> on = DebtDesigns.with(Cascade.defaults());
    List<DebtBook> off = DebtDesigns.with(Cascade.defaults().withImpact(false));
    for (int b = 0; b < on.size(); b++) {
      double[] withImpact = run(on.get(b), SHALLOW, 11);
      double[] exogenous = run(off.get(b), SHALLOW, 11);
      String id = on.get(b).id();
      if (!id.equals("maker")) {
        // Maker's throughput is capped by the Dog's hole (15M DAI in auctions at once, for a $1B book): deeper
        // prices slow its auctions down, so within the day it need not liquidate more; the others have no cap.
        assertThat(withImpact[DebtMetrics.LIQUIDATED_USD]).as(id + " liquidated").isGreaterThan(exogenous[DebtMetrics.LIQUIDATED_USD]);
        assertThat(withImpact[DebtMetrics.LIQUIDATIONS]).as(id + " count").isGreaterThan(exogenous[DebtMetrics.LIQUIDATIONS]);
      }
      assertThat(withImpact[DebtMetrics.MIN_PRICE_USD]).as(id + " low").isLessThan(exogenous[DebtMetrics.MIN_PRICE_USD]);
      assertThat(withImpact[DebtMetrics.CASCADE_AMPLIFICATION]).as(id + " amplification").isGreaterThan(1.0);
      // Without impact the endogenous path is the exogenous one.
      assertThat(exogenous[DebtMetrics.MIN_PRICE_USD]).as(id + " exogenous low").isEqualTo(1800);
      assertThat(exogenous[DebtMetrics.CASCADE_AMPLIFICATION]).as(id + " no amplification").isEqualTo(1.0);
    }
  }

  @Test
  void theEnginesInvariantsHoldAfterACascadeOnEveryBook() {
    for (DebtBook book : DebtDesigns.with(Cascade.defaults())) {
      for (long seed = 1; seed <= 3; seed++) {
        BookRun run = (BookRun) book.newRun();
        double[] out = run(run, book, CRASH, seed);
        assertThat(out[DebtMetrics.LIQUIDATIONS]).as(book.id()).isPositive();
        assertThat(run.violatedInvariants()).as(book.id() + " seed " + seed).isEmpty();
      }
    }
  }

  /**
   * Each Maker keeper bids with its own float. The book keys every keeper array by the bot's place in
   * the latency-sorted bots (its account, its float, the caller of a bark or take); it once funded the
   * accounts by place and used them by the bots' numbers, so a keeper bid with another's float. On a
   * path with no bark, the account at each place holds exactly the capital of the bot at that place.
   */
  @Test
  void eachMakerKeeperHoldsItsOwnCapital() {
    MakerBook book = MakerBook.defaults();
    MakerBook.Run run = (MakerBook.Run) book.newRun();
    double[] out = run(run, book, crash(2500, 24), 7); // a rise: no vault is barked
    assertThat(out[DebtMetrics.LIQUIDATIONS]).isZero();
    boolean permuted = false;
    for (int b = 0; b < run.bots.length; b++) {
      permuted |= run.bots[b].id() != b;
      assertThat(run.keeperDai(b)).as("keeper at place %d", b)
          .isCloseTo(run.botCapital(run.bots[b]), org.assertj.core.api.Assertions.within(1e-6 * run.botCapital(run.bots[b])));
    }
    assertThat(permuted).as("the bots' places differ from their numbers").isTrue();
  }

  @Test
  void theTraceShowsBothPathsSideBySide() {
    DebtBook book = DebtDesigns.with(Cascade.defaults()).get(0);
    Recording trace = new Recording();
    double[] out = new double[book.metrics().size()];
    book.newRun().simulate(CRASH, PathRandom.forPath(11, 0), trace, out, 0);
    List<double[]> exo = trace.series("aave.exogenous_usd");
    List<double[]> endo = trace.series("aave.endogenous_usd");
    List<double[]> cum = trace.series("aave.liquidated_cum_usd");
    assertThat(exo).hasSize(CRASH.size() - 1);
    assertThat(endo).hasSize(exo.size());
    for (int i = 0; i < exo.size(); i++) {
      assertThat(endo.get(i)[1]).isLessThanOrEqualTo(exo.get(i)[1]);
    }
    assertThat(cum.getLast()[1]).isEqualTo(out[DebtMetrics.LIQUIDATED_USD]);
    assertThat(endo.stream().mapToDouble(p -> p[1]).min().orElseThrow()).isEqualTo(out[DebtMetrics.MIN_PRICE_USD]);
  }

  @Test
  void theSameSeedGivesTheSameMetricsOnAFreshOrAReusedRun() {
    for (DesignModel model : DebtDesigns.defaults()) {
      DesignModel.Run reused = model.newRun();
      double[] first = run(reused, model, CRASH, 5);
      run(reused, model, crash(1500, 12), 6);
      double[] again = run(reused, model, CRASH, 5);
      double[] fresh = run(model, CRASH, 5);
      assertThat(again).as(model.id()).containsExactly(first);
      assertThat(fresh).as(model.id()).containsExactly(first);
      double[] other = run(model, CRASH, 6);
      assertThat(other).as(model.id() + " another seed draws another book").isNotEqualTo(first);
    }
  }

  @Test
  void aStepLooksOnlyAtTheTriggeredPositionsNotTheWholeBook() {
    // 2,000 borrowers at health 1.5-3.0 and one at 1.1: the path crosses only the one's liquidation price.
    List<Population.Draw> draws = new ArrayList<>();
    draws.add(new Population.Draw(10, 1.1));
    for (int i = 0; i < 2000; i++) {
      draws.add(new Population.Draw(5 + i % 7, 1.5 + 1.5 * i / 2000.0));
    }
    Borrowers book = Borrowers.listed(draws.toArray(new Population.Draw[0]));
    PricePath path = DebtBookFixtures.hourly(2000, 1950, 1700, 1750, 1720, 1760, 1710, 1800);
    for (DebtBook model : new DebtBook[] {new AaveBook(book, DebtBookFixtures.ONE_BOT, DebtBookFixtures.NO_IMPACT),
        new MakerBook(book, DebtBookFixtures.ONE_BOT, DebtBookFixtures.NO_IMPACT),
        new LiquityBook(book, DebtBookFixtures.ONE_BOT, DebtBookFixtures.NO_IMPACT, 0.5)}) {
      BookRun run = (BookRun) model.newRun();
      double[] out = run(run, model, path, 1);
      assertThat(out[DebtMetrics.LIQUIDATIONS]).as(model.id()).isEqualTo(1);
      assertThat(run.examined()).as(model.id() + ": positions looked at over 7 steps").isEqualTo(1);
    }
  }

  /**
   * Borrowers who react: on a two-day slide from 2,000 to 1,500 (time to notice and act), the same
   * borrowers, keepers and path with half of them topping up after an hour are liquidated less than
   * the passive book, on every protocol.
   */
  @Test
  void borrowersWhoTopUpAreLiquidatedLessThanPassiveOnes() {
    PricePath slide = crash(1500, 48);
    for (DebtBook book : DebtDesigns.with(Cascade.defaults().withImpact(false))) {
      double[] reacting = run(book.withBehaviour(Behaviour.defaults()), slide, 4);
      double[] passive = run(book.withBehaviour(Behaviour.PASSIVE), slide, 4);
      assertThat(reacting[DebtMetrics.LIQUIDATED_PCT_BOOK]).as(book.id())
          .isLessThan(passive[DebtMetrics.LIQUIDATED_PCT_BOOK]);
      // The same borrowers on both: the books start equal.
      assertThat(reacting[DebtMetrics.BOOK_DEBT_USD]).as(book.id()).isEqualTo(passive[DebtMetrics.BOOK_DEBT_USD]);
    }
  }

  /** A trace that keeps every point. */
  private static final class Recording implements Trace {
    private final java.util.Map<String, List<double[]>> series = new java.util.HashMap<>();

    @Override
    public void record(String name, double timeYears, double value) {
      series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {timeYears, value});
    }

    @Override
    public boolean enabled() {
      return true;
    }

    List<double[]> series(String name) {
      return series.getOrDefault(name, List.of());
    }
  }
}
