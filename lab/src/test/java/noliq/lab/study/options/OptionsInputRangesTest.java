package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * Every input range of the options side's parameter records at both ends: the last value inside is
 * accepted, the first outside is refused with the field's name. One component changes at a time,
 * through the canonical constructor, so each check is the only one that can refuse it.
 */
class OptionsInputRangesTest {
  private static final SettlementGame G = SettlementGame.DEFAULTS;

  private static SettlementGame game(double stake, double turnout, double price, double bribe, double oi,
      double distortion, Duration timeout) {
    return new SettlementGame(G.attacker(), stake, turnout, price, bribe, oi, distortion, timeout);
  }

  private static void refused(Runnable r, String field) {
    assertThatThrownBy(r::run).isInstanceOf(RuleViolation.class).hasMessageStartingWith(field + ":");
  }

  private static void accepted(Runnable r) {
    assertThatCode(r::run).doesNotThrowAnyException();
  }

  @Test
  void theSettlementGamesRanges() {
    Duration t = G.settlementTimeout();
    refused(() -> new SettlementGame(null, 25e6, 0.8, 1, 1, 100e6, 0.5, t), "settlementAttacker");
    // the stake: strictly above GAT (5M), at most 1e12
    refused(() -> game(5e6, 0.8, 1, 1, 100e6, 0.5, t), "voteStakeUma");
    accepted(() -> game(5e6 + 1, 0.8, 1, 1, 100e6, 0.5, t));
    accepted(() -> game(1e12, 0.8, 1, 1, 100e6, 0.5, t));
    refused(() -> game(1.000001e12, 0.8, 1, 1, 100e6, 0.5, t), "voteStakeUma");
    // turnout in (0, 1]
    accepted(() -> game(25e6, 1, 1, 1, 100e6, 0.5, t));
    refused(() -> game(25e6, 1.0001, 1, 1, 100e6, 0.5, t), "voteTurnout");
    refused(() -> game(25e6, 0, 1, 1, 100e6, 0.5, t), "voteTurnout");
    // the token's price in (0, 1e6]
    refused(() -> game(25e6, 0.8, 0, 1, 100e6, 0.5, t), "umaPriceUsd");
    accepted(() -> game(25e6, 0.8, 1e6, 1, 100e6, 0.5, t));
    refused(() -> game(25e6, 0.8, 1.000001e6, 1, 100e6, 0.5, t), "umaPriceUsd");
    // bribe share in (0, 1]
    refused(() -> game(25e6, 0.8, 1, 0, 100e6, 0.5, t), "bribeCostShare");
    accepted(() -> game(25e6, 0.8, 1, 1, 100e6, 0.5, t));
    refused(() -> game(25e6, 0.8, 1, 1.0001, 100e6, 0.5, t), "bribeCostShare");
    // open interest in (0, 1e15]
    refused(() -> game(25e6, 0.8, 1, 1, 0, 0.5, t), "seriesOpenInterestUsd");
    accepted(() -> game(25e6, 0.8, 1, 1, 1e15, 0.5, t));
    refused(() -> game(25e6, 0.8, 1, 1, 1.000001e15, 0.5, t), "seriesOpenInterestUsd");
    // distortion in (0, 0.99]
    refused(() -> game(25e6, 0.8, 1, 1, 100e6, 0, t), "captureDistortion");
    accepted(() -> game(25e6, 0.8, 1, 1, 100e6, 0.99, t));
    refused(() -> game(25e6, 0.8, 1, 1, 100e6, 0.9901, t), "captureDistortion");
    // timeout positive, at most ten years
    refused(() -> game(25e6, 0.8, 1, 1, 100e6, 0.5, null), "settlementTimeout");
    refused(() -> game(25e6, 0.8, 1, 1, 100e6, 0.5, Duration.ZERO), "settlementTimeout");
    refused(() -> game(25e6, 0.8, 1, 1, 100e6, 0.5, Duration.ofSeconds(-1)), "settlementTimeout");
    accepted(() -> game(25e6, 0.8, 1, 1, 100e6, 0.5, Duration.ofSeconds(1)));
    accepted(() -> game(25e6, 0.8, 1, 1, 100e6, 0.5, Duration.ofDays(3650)));
    refused(() -> game(25e6, 0.8, 1, 1, 100e6, 0.5, Duration.ofDays(3650).plusSeconds(1)), "settlementTimeout");
  }

  @Test
  void theCorruptionCostsRanges() {
    refused(() -> new SettlementCorruptionCost(null, 750, 28), "corruption");
    accepted(() -> new SettlementCorruptionCost(G, 0, 28));
    refused(() -> new SettlementCorruptionCost(G, -0.01, 28), "corruption");
    refused(() -> new SettlementCorruptionCost(G, Double.POSITIVE_INFINITY, 28), "corruption");
    refused(() -> new SettlementCorruptionCost(G, Double.NaN, 28), "corruption");
    accepted(() -> new SettlementCorruptionCost(G, 750, 1));
    refused(() -> new SettlementCorruptionCost(G, 750, 0), "corruption");
    accepted(() -> new SettlementCorruptionCost(G, 750, 3650));
    refused(() -> new SettlementCorruptionCost(G, 750, 3651), "corruption");
  }

  private static final OptionsAssumptions A = OptionsAssumptions.DEFAULTS;

  /** The defaults with one scalar changed, through the canonical constructor. */
  private static OptionsAssumptions with(String field, double v) {
    return new OptionsAssumptions(A.market(),
        field.equals("makerVol") ? v : A.makerVol(),
        field.equals("targetUsd") ? v : A.targetUsd(),
        field.equals("nHolderUsd") ? v : A.nHolderUsd(),
        field.equals("makerOutageProbability") ? v : A.makerOutageProbability(),
        field.equals("disputeProbability") ? v : A.disputeProbability(),
        A.liveness(), A.voteDuration(),
        field.equals("ruinLoss") ? v : A.ruinLoss(),
        A.agentSources(),
        field.equals("agentK") ? (int) v : A.agentK(),
        A.settlement(), A.impliedVol(), A.inventory());
  }

  private static OptionsAssumptions withDurations(Duration liveness, Duration vote) {
    return new OptionsAssumptions(A.market(), A.makerVol(), A.targetUsd(), A.nHolderUsd(), A.makerOutageProbability(),
        A.disputeProbability(), liveness, vote, A.ruinLoss(), A.agentSources(), A.agentK(), A.settlement(),
        A.impliedVol(), A.inventory());
  }

  @Test
  void theOptionsAssumptionsRanges() {
    for (String positive : List.of("makerVol", "targetUsd", "nHolderUsd")) {
      refused(() -> with(positive, 0), positive);
      refused(() -> with(positive, Double.POSITIVE_INFINITY), positive);
      accepted(() -> with(positive, 1e-9));
    }
    for (String probability : List.of("makerOutageProbability", "disputeProbability")) {
      accepted(() -> with(probability, 0));
      accepted(() -> with(probability, 1));
      refused(() -> with(probability, -1e-9), probability);
      refused(() -> with(probability, 1 + 1e-9), probability);
    }
    refused(() -> with("ruinLoss", 0), "ruinLoss");
    accepted(() -> with("ruinLoss", 1));
    refused(() -> with("ruinLoss", 1.0001), "ruinLoss");
    // k of the 12 sources: 1 to 12
    assertThat(A.agentSources()).hasSize(12);
    accepted(() -> with("agentK", 1));
    accepted(() -> with("agentK", 12));
    refused(() -> with("agentK", 0), "agentK");
    refused(() -> with("agentK", 13), "agentK");
    // the liveness is positive; a vote round is two equal phases of whole seconds
    refused(() -> withDurations(Duration.ZERO, A.voteDuration()), "liveness");
    refused(() -> withDurations(Duration.ofSeconds(-1), A.voteDuration()), "liveness");
    accepted(() -> withDurations(Duration.ofSeconds(1), A.voteDuration()));
    accepted(() -> withDurations(A.liveness(), Duration.ofSeconds(2)));
    refused(() -> withDurations(A.liveness(), Duration.ofSeconds(1)), "voteDuration");
    refused(() -> withDurations(A.liveness(), Duration.ofSeconds(3)), "voteDuration");
    refused(() -> withDurations(A.liveness(), Duration.ofSeconds(2).plusNanos(1)), "voteDuration");
    // the dozen sources, and n of them: 1 to 1000
    assertThat(OptionsAssumptions.sources(1)).hasSize(1);
    assertThat(OptionsAssumptions.sources(1000)).hasSize(1000);
    refused(() -> OptionsAssumptions.sources(0), "agentSources");
    refused(() -> OptionsAssumptions.sources(1001), "agentSources");
    // one minute stale, one more a pair: the 12th source is 6 minutes behind
    assertThat(A.agentSources().get(0).delay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(A.agentSources().get(11).delay()).isEqualTo(Duration.ofMinutes(6));
  }
}
