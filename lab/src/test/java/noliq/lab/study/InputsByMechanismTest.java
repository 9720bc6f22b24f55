package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.PricePath;
import noliq.lab.scenarios.Scenarios;
import noliq.lab.study.options.LocalAgentDesign;
import noliq.lab.study.options.NHolderDesign;
import noliq.lab.study.options.OptionsAssumptions;
import noliq.lab.study.options.RollingDesign;
import noliq.lab.study.options.WrapperVaultDesign;
import noliq.market.roll.MarketReaction;
import noliq.market.roll.RollAssumptions;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.port.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * A sweep runs an options design once when the swept term belongs to another roll mechanism
 * ({@link OptionsAssumptions#readBy}). That is sound only if such a term really moves none of the
 * design's figures: here every other mechanism's terms are changed at once, and each design's figures on
 * the same paths must be the very same doubles. Changing one of its own mechanism's terms must move
 * them, so the paths do exercise the mechanism and the test can fail.
 */
class InputsByMechanismTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final long SEED = 20261202L;

  /** Every term of {@code a} that only the AMM reads, changed. */
  private static RollAssumptions ammTermsChanged(RollAssumptions a) {
    MarketReaction r = a.reaction();
    return new RollAssumptions(2e7, 1_000, 20_000, Duration.ofDays(3), a.auctionEdgePips(), a.auctionRamp(),
        a.makerPollInterval(), a.makerCount(), a.makerHalfSpreadBps(), a.makerMinEdgeBps(), a.makerMaxEdgeBps(),
        a.makerInventoryUsd(), a.patience(), a.naturalFlowUsdPerDay(), a.flowInterval(), r.withAmmVolRule(2.0, 1.0));
  }

  /** Every term of {@code a} that only the auction reads, changed. */
  private static RollAssumptions auctionTermsChanged(RollAssumptions a) {
    return new RollAssumptions(a.ammPoolDepthUsd(), a.ammBaseFeePips(), a.ammFinalFeePips(), a.ammFeeRampWindow(), 5_000,
        Duration.ofHours(6), Duration.ofMinutes(5), a.makerCount(), a.makerHalfSpreadBps(), 40, 400, a.makerInventoryUsd(), a.patience(), a.naturalFlowUsdPerDay(), a.flowInterval(), a.reaction());
  }

  /** Every term of {@code a} that only the book reads, changed. */
  private static RollAssumptions bookTermsChanged(RollAssumptions a) {
    MarketReaction r = a.reaction();
    MarketReaction flow = new MarketReaction(r.putSkew(), r.callSkew(), r.wingCap(), r.termMeanReversionPerYear(),
        r.longRunVol(), r.volOfVolWeight(), r.ivHalfSpreadAtOneDay(), r.tickEth(), r.capacityCut(), r.makerVolErrorSd(),
        2.0, 1.5, r.ammDepthVolExponent(), r.ammFeeVolExponent());
    return new RollAssumptions(a.ammPoolDepthUsd(), a.ammBaseFeePips(), a.ammFinalFeePips(), a.ammFeeRampWindow(),
        a.auctionEdgePips(), a.auctionRamp(), a.makerPollInterval(), a.makerCount(), a.makerHalfSpreadBps(),
        a.makerMinEdgeBps(), a.makerMaxEdgeBps(), a.makerInventoryUsd(), Duration.ofDays(1), 300_000, Duration.ofHours(2), flow);
  }

  /**
   * The makers' half-spread, inventory, count and error on the surface, read by the auction and the book
   * designs alone (with the chance that no maker watches a roll, {@link #makersChanged}).
   */
  private static RollAssumptions makersQuotesChanged(RollAssumptions a) {
    MarketReaction r = a.reaction();
    MarketReaction erring = new MarketReaction(r.putSkew(), r.callSkew(), r.wingCap(), r.termMeanReversionPerYear(),
        r.longRunVol(), r.volOfVolWeight(), r.ivHalfSpreadAtOneDay(), r.tickEth(), r.capacityCut(), 0.3,
        r.flowVolElasticity(), r.flowImbalancePerVol(), r.ammDepthVolExponent(), r.ammFeeVolExponent());
    return new RollAssumptions(a.ammPoolDepthUsd(), a.ammBaseFeePips(), a.ammFinalFeePips(), a.ammFeeRampWindow(),
        a.auctionEdgePips(), a.auctionRamp(), a.makerPollInterval(), 7, 60, a.makerMinEdgeBps(),
        a.makerMaxEdgeBps(), 500_000, a.patience(), a.naturalFlowUsdPerDay(), a.flowInterval(), erring);
  }

  /** Every makers' term an AMM design does not read: {@link #makersQuotesChanged} and the chance of no maker. */
  private static OptionsAssumptions makersChanged(OptionsAssumptions a) {
    return a.withMarket(makersQuotesChanged(a.market())).withMakerOutageProbability(0.3);
  }

  private static Function<RollAssumptions, RollAssumptions> own(Mechanism m) {
    return switch (m) {
      case AMM_SWAP -> InputsByMechanismTest::ammTermsChanged;
      case DUTCH_AUCTION -> InputsByMechanismTest::auctionTermsChanged;
      case RESTING_ORDERS -> InputsByMechanismTest::bookTermsChanged;
    };
  }

  private static OptionsAssumptions foreignChanged(Mechanism m, OptionsAssumptions a) {
    OptionsAssumptions withMakers = m == Mechanism.AMM_SWAP ? makersChanged(a) : a;
    RollAssumptions out = withMakers.market();
    for (Mechanism other : Mechanism.values()) {
      if (other != m) {
        out = own(other).apply(out);
      }
    }
    return withMakers.withMarket(out);
  }

  /** Kyrrui's tracker rolls on every drop; a crash and two 120-day model paths make it roll often. */
  private static List<PricePath> paths() {
    List<PricePath> out = new ArrayList<>();
    out.add(Scenarios.scenario("mar-2020", 2500, 0, START).path(PathRandom.forPath(SEED, 0)));
    for (int p = 1; p <= 2; p++) {
      out.add(Scenarios.scenario("default", 2500, 24 * 120, START).path(PathRandom.forPath(SEED, p)));
    }
    return out;
  }

  private static DesignModel design(String kind, Mechanism m, OptionsAssumptions a) {
    return switch (kind) {
      case "wrapper" -> new WrapperVaultDesign(KyrruiTracker.NAME, m, a);
      case "agent" -> new LocalAgentDesign(KyrruiTracker.NAME, m, a);
      default -> new NHolderDesign(NHolderDesign.DEFAULT_POLICY, m, a);
    };
  }

  private static List<double[]> figures(DesignModel design, List<PricePath> paths) {
    List<double[]> out = new ArrayList<>();
    for (int p = 0; p < paths.size(); p++) {
      double[] figures = new double[design.metrics().size()];
      design.newRun().simulate(paths.get(p), PathRandom.forPath(SEED, p, StudyRunner.streamOf(design.randomStream())),
          Trace.NONE, figures, 0);
      out.add(figures);
    }
    return out;
  }

  private static boolean sameBits(List<double[]> a, List<double[]> b) {
    for (int p = 0; p < a.size(); p++) {
      for (int k = 0; k < a.get(p).length; k++) {
        if (Double.doubleToRawLongBits(a.get(p)[k]) != Double.doubleToRawLongBits(b.get(p)[k])) {
          return false;
        }
      }
    }
    return true;
  }

  @Test
  void anotherMechanismsTermsMoveNoFigureAndOwnTermsDo() {
    List<PricePath> paths = paths();
    OptionsAssumptions base = OptionsAssumptions.DEFAULTS;
    record Case(String kind, Mechanism mechanism) {}
    List<Case> cases = new ArrayList<>();
    for (Mechanism m : Mechanism.values()) {
      cases.add(new Case("wrapper", m));
      cases.add(new Case("n-holder", m));
    }
    cases.add(new Case("agent", Mechanism.DUTCH_AUCTION));
    cases.add(new Case("agent", Mechanism.RESTING_ORDERS));
    for (Case c : cases) {
      OptionsAssumptions foreign = foreignChanged(c.mechanism(), base);
      OptionsAssumptions ownTerms = base.withMarket(own(c.mechanism()).apply(base.market()));
      List<double[]> before = figures(design(c.kind(), c.mechanism(), base), paths);
      assertThat(sameBits(before, figures(design(c.kind(), c.mechanism(), foreign), paths)))
          .as("%s by %s: other mechanisms' terms changed", c.kind(), c.mechanism()).isTrue();
      assertThat(sameBits(before, figures(design(c.kind(), c.mechanism(), ownTerms), paths)))
          .as("%s by %s: its own mechanism's terms changed", c.kind(), c.mechanism()).isFalse();
      assertThat(foreign.readBy(c.mechanism())).isEqualTo(base.readBy(c.mechanism()));
      assertThat(ownTerms.readBy(c.mechanism())).isNotEqualTo(base.readBy(c.mechanism()));
      if (c.mechanism() != Mechanism.AMM_SWAP) {
        // The auction and the book read the makers' terms: they are never shared across them.
        OptionsAssumptions quotes = base.withMarket(makersQuotesChanged(base.market()));
        assertThat(quotes.readBy(c.mechanism())).isNotEqualTo(base.readBy(c.mechanism()));
        OptionsAssumptions outage = base.withMakerOutageProbability(0.3);
        assertThat(outage.readBy(c.mechanism())).isNotEqualTo(base.readBy(c.mechanism()));
        assertThat(sameBits(before, figures(design(c.kind(), c.mechanism(), makersChanged(base)), paths)))
            .as("%s by %s: the makers' terms changed", c.kind(), c.mechanism()).isFalse();
      }
    }
  }

  /** The designs whose inputs differ between the defaults and {@code options}: those a sweep point re-runs. */
  private static List<String> rerunWith(OptionsAssumptions options) {
    StudyParameters d = StudyParameters.DEFAULTS;
    StudyParameters swept = new StudyParameters(d.population(), d.liquidators(), d.cascade(), d.liquityPoolShare(),
        d.behaviour(), d.interest(), d.feedAttack(), options, d.models());
    var before = DesignCatalog.inputs(d);
    var after = DesignCatalog.inputs(swept);
    return before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).toList();
  }

  @Test
  void aSweepOfThePoolDepthSharesEveryDesignButTheAmmOnes() {
    List<String> rerun = rerunWith(OptionsAssumptions.DEFAULTS.withMarket(ammTermsChanged(RollAssumptions.DEFAULTS)));
    var all = DesignCatalog.inputs(StudyParameters.DEFAULTS).keySet();
    assertThat(rerun).isNotEmpty().allMatch(id -> id.endsWith(".amm"));
    assertThat(rerun).hasSize((int) all.stream().filter(id -> id.startsWith("wrapper.") && id.endsWith(".amm")).count());
  }

  @Test
  void aSweepOfTheMakersSharesTheAmmDesignsAndEveryDebtDesign() {
    List<String> withMakers = DesignCatalog.of(StudyParameters.DEFAULTS).stream()
        .filter(d -> d instanceof RollingDesign r && r.mechanism() != Mechanism.AMM_SWAP).map(DesignModel::id).toList();
    assertThat(withMakers).anyMatch(id -> id.endsWith(".auction")).anyMatch(id -> id.endsWith(".book"));
    assertThat(rerunWith(makersChanged(OptionsAssumptions.DEFAULTS))).containsExactlyInAnyOrderElementsOf(withMakers);
  }
}
