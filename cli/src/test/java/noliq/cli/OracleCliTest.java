package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OracleCliTest {
  static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  @Test
  void theHappyPathIsFinalAfterTheTwoHourWindow() {
    CliTest.Run r = run("oracle", "settle-timeline", "--liveness", "2", "--disputes", "0", "--vote-rounds", "0", "--json");
    assertThat(r.exit()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("latency_hours").asDouble()).isEqualTo(2.0);
    assertThat(j.get("flows")).hasSize(1);
    assertThat(j.get("flows").get(0).get("amount").asText()).isEqualTo("10000");
    assertThat(j.get("burned").asText()).isEqualTo("0");
  }

  @Test
  void disputesAndVoteRoundsAddTheirTimeAndTheBondFlowsAddUp() {
    CliTest.Run r = run("oracle", "settle-timeline", "--liveness", "2", "--disputes", "1", "--vote-rounds", "6", "--json");
    assertThat(r.exit()).isZero();
    JsonNode j = r.json();
    // Disputed an hour in (half the window), then 1 round + 5 rolls of 48 h.
    assertThat(j.get("latency_hours").asDouble()).isEqualTo(1 + 6 * 48.0);
    assertThat(j.get("phases")).hasSize(7);
    assertThat(j.get("flows").get(0).get("amount").asText()).isEqualTo("14250");
    assertThat(j.get("burned").asText()).isEqualTo("5750");

    CliTest.Run human = run("oracle", "settle-timeline", "--disputes", "1");
    assertThat(human.exit()).isZero();
    assertThat(human.out()).contains("vote round 1 (commit 24h + reveal 24h): resolves").contains("final after 49 h")
        .contains("14250").contains("burned (to the store): 5750");
  }

  @Test
  void attackCostReproducesTheMarch2025Case() {
    CliTest.Run r = run("oracle", "attack-cost", "--value-at-stake", "7000000", "--bond", "750", "--vote-share", "0.25",
        "--followers", "0.6", "--json");
    assertThat(r.exit()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("outcome").asText()).isEqualTo("DECIDES");
    assertThat(j.get("effective_share").asDouble()).isCloseTo(0.7, within(1e-12));
    assertThat(j.get("pays").asBoolean()).isTrue();

    CliTest.Run alone = run("oracle", "attack-cost", "--value-at-stake", "7000000", "--bond", "750", "--vote-share", "0.25");
    assertThat(alone.exit()).isZero();
    assertThat(alone.out()).contains("FAILS").contains("own share needed to decide: 65.0%").contains("does not pay");
  }

  @Test
  void attackCostAlsoPricesTheEscalationGameWhenAsked() {
    CliTest.Run r = run("oracle", "attack-cost", "--value-at-stake", "1000000", "--bond", "1", "--vote-share", "0.1",
        "--honest-capital", "100", "--arbitration-fee", "10", "--json");
    assertThat(r.exit()).isZero();
    JsonNode e = r.json().get("escalation");
    assertThat(e.get("attacker_capital").asDouble()).isEqualTo(85);
    assertThat(e.get("arbitration_requested").asBoolean()).isTrue();
    assertThat(e.get("pays").asBoolean()).isFalse();
    assertBad(new String[] {"oracle", "attack-cost", "--value-at-stake", "1", "--bond", "0", "--vote-share", "0.1", "--honest-capital", "5"},
        "noliq: --bond: must be positive and finite (was 0.0)");
  }

  @Test
  void badInputGetsOneClearLineAndExitCode2() {
    assertBad(new String[] {"oracle", "settle-timeline", "--liveness", "0"}, "noliq: --liveness: must be more than zero hours");
    assertBad(new String[] {"oracle", "settle-timeline", "--disputes", "0", "--vote-rounds", "2"},
        "noliq: --vote-rounds: must be 0 when nothing is disputed (was 2)");
    assertBad(new String[] {"oracle", "settle-timeline", "--disputes", "1", "--vote-rounds", "7"},
        "noliq: --vote-rounds: must be between 1 and 6");
    assertBad(new String[] {"oracle", "settle-timeline", "--disputes", "-1"}, "noliq: --disputes: must be at least 0 (was -1)");
    assertBad(new String[] {"oracle", "settle-timeline", "--bond", "-5"}, "noliq: --bond: must not be negative");
    assertBad(new String[] {"oracle", "attack-cost", "--value-at-stake", "1", "--bond", "1", "--vote-share", "2"},
        "noliq: --vote-share: must be between 0.0 and 1.0 (was 2.0)");
    assertBad(new String[] {"oracle", "attack-cost", "--value-at-stake", "NaN", "--bond", "1", "--vote-share", "0.1"},
        "noliq: --value-at-stake: must be a finite number");
    CliTest.Run missing = run("oracle", "attack-cost", "--bond", "1");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required options");
    CliTest.Run none = run("oracle");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("a subcommand is required");
  }

  private static void assertBad(String[] args, String errorStart) {
    CliTest.Run r = run(args);
    assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
    assertThat(r.err().strip()).as(String.join(" ", args)).startsWith(errorStart);
    assertThat(r.out()).isEmpty();
  }
}
