package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import noliq.lab.scenarios.PricePath;
import noliq.market.roll.RollAssumptions.Assumption;
import noliq.oracle.feeds.SourceModel;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.venue.MakerInventory;
import org.junit.jupiter.api.Test;

/**
 * The options side's small parts, each against its stated rule: the settlement game's prices (a token
 * at $2 bribed at a quarter of its price), the capture's strict threshold, the agent's dozen sources,
 * the path as the oracle module's index, and the assumptions table's text.
 */
class OptionsPartsTest {
  /** VotingV2: a capture stakes what decides alone against all 25M honest tokens at SPAT 65%: 25M × 0.65 / 0.35. */
  private static final double CAPTURE_STAKE = 25e6 * 0.65 / 0.35;
  /** The delay attacker keeps the 80% turnout (20M) at or below 65% of all stake: 25M × (0.8 / 0.65 - 1). */
  private static final double BLOCK_STAKE = 25e6 * (0.8 / 0.65 - 1);

  private static SettlementGame pricedAt(double umaPriceUsd, double bribeCostShare) {
    SettlementGame g = SettlementGame.DEFAULTS;
    return new SettlementGame(g.attacker(), g.voteStakeUma(), g.voteTurnout(), umaPriceUsd, bribeCostShare,
        g.seriesOpenInterestUsd(), g.captureDistortion(), g.settlementTimeout());
  }

  @Test
  void theCaptureCostsItsStakeAtTheTokensPriceTimesTheBribeSharePlusTheBond() {
    SettlementGame g = pricedAt(2, 0.25);
    // 46.43M tokens at $2, a quarter of it paid: $23.21M, plus the $750 bond
    assertThat(g.captureCostUsd(750)).isCloseTo(CAPTURE_STAKE * 2 * 0.25 + 750, within(1e-3));
    assertThat(g.captureStartsToPayAtUsd(750)).isCloseTo((CAPTURE_STAKE * 0.5 + 750) / 0.5, within(1e-3));
    // the corruption cost's figures on a flat 60-day path (two settlements at x = 2S: P worth all its $100M)
    Map<String, Double> m = OptionsDesignsTest.run(new SettlementCorruptionCost(g, 750, 28), Paths.flat(60 * 24, 3000), 1);
    assertThat(m.get("capital_needed_usd")).isCloseTo(CAPTURE_STAKE * 2, within(1e-3)); // at the token's full price
    assertThat(m.get("capture_cost_usd")).isCloseTo(CAPTURE_STAKE * 0.5 + 750, within(1e-3));
    assertThat(m.get("block_cost_usd")).isCloseTo(BLOCK_STAKE * 2 * 0.25, within(1e-3));
    assertThat(m.get("capital_to_value")).isCloseTo((CAPTURE_STAKE * 0.5 + 750) / 50e6, within(1e-9));
  }

  @Test
  void aCapturePaysOnlyWhenItMovesStrictlyMoreThanItCosts() {
    SettlementGame g = SettlementGame.DEFAULTS;
    // at the safety margin the value moved (margin × 0.5) is exactly the cost: it does not pay
    double margin = g.captureStartsToPayAtUsd(750);
    assertThat(g.valueMovedUsd(margin)).isEqualTo(g.captureCostUsd(750));
    assertThat(g.capturePays(margin, 750)).isFalse();
    assertThat(g.capturePays(margin * (1 + 1e-9), 750)).isTrue();
  }

  @Test
  void theAgentsDozenSourcesAreOneToSixMinutesStaleOneMoreMinuteAPair() {
    List<SourceModel> dozen = OptionsAssumptions.dozenSources();
    assertThat(dozen).hasSize(12);
    assertThat(OptionsAssumptions.DEFAULTS.agentSources()).isEqualTo(dozen);
    assertThat(dozen).extracting(s -> s.delay().toMinutes()).containsExactly(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L, 5L, 5L, 6L, 6L);
    assertThat(dozen).allSatisfy(s -> {
      assertThat(s.noise()).isEqualTo(0.002);
      assertThat(s.failureProbability()).isEqualTo(0.02);
    });
    assertThat(OptionsAssumptions.sources(3)).extracting(SourceModel::name).containsExactly("source-1", "source-2", "source-3");
  }

  @Test
  void thePathAsAnIndexIsItsLastPointAtOrBeforeTheTime() {
    PricePath path = PricePath.generated("index", Paths.T0, Duration.ofHours(1), new double[] {100, 200, 300});
    PathIndex index = new PathIndex(path);
    assertThat(index.valueAt(Paths.T0)).isEqualTo(100);
    assertThat(index.valueAt(Paths.T0.plusSeconds(1800))).isEqualTo(100);
    assertThat(index.valueAt(Paths.T0.plusSeconds(3600))).isEqualTo(200);
    assertThat(index.valueAt(Paths.T0.plusSeconds(2 * 3600 - 1))).isEqualTo(200);
    assertThat(index.valueAt(Paths.T0.plusSeconds(2 * 3600))).isEqualTo(300);
    assertThat(index.valueAt(Paths.T0.plusSeconds(10 * 3600))).isEqualTo(300);
    // before the path's start: its first point
    assertThat(index.valueAt(Paths.T0.minusSeconds(60))).isEqualTo(100);
  }

  @Test
  void theAssumptionsTableStatesTheMakersInventoryRuleInHoursAndPercent() {
    assertThat(value(OptionsAssumptions.DEFAULTS, "makerInventory")).startsWith("each maker fill opens a lot held 24.0 h")
        .contains(", 0% of its spot delta hedged");
    OptionsAssumptions sixHoursHalfHedged = OptionsAssumptions.DEFAULTS.withInventory(new MakerInventory.Rule(Duration.ofMinutes(390), 0.5));
    assertThat(value(sixHoursHalfHedged, "makerInventory")).startsWith("each maker fill opens a lot held 6.5 h")
        .contains(", 50% of its spot delta hedged");
  }

  @Test
  void eachDesignDescribesItselfWithItsOwnFigures() {
    OptionsAssumptions a = OptionsAssumptions.DEFAULTS;
    assertThat(new WrapperVaultDesign("kyrrui-tracker", Mechanism.RESTING_ORDERS, a).description())
        .isEqualTo("P-wrapper vault, policy kyrrui-tracker, rolls by book, $100,000 of P, slow-oracle fallback");
    assertThat(new LocalAgentDesign("kyrrui-tracker", Mechanism.DUTCH_AUCTION, a).description())
        .isEqualTo("local agent, policy kyrrui-tracker, median of 5 of 12 private sources, random timing, rolls by auction");
    assertThat(new NHolderDesign().description())
        .isEqualTo("N holder, $100,000, buys kyrrui-tracker's entry N by auction, holds to maturity, rolls on settlement");
    assertThat(SettlementCorruptionCost.DEFAULT.description()).isEqualTo("capturing a P/N settlement via the vote "
        + "(VotingV2): $100,000,000 of P per 28-day series, 25M staked, 80% turnout");
  }

  private static String value(OptionsAssumptions a, String name) {
    return a.describe().stream().filter(x -> x.name().equals(name)).map(Assumption::value).findFirst().orElseThrow();
  }
}
