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
    CliTest.Run r = run("oracle", "settle-timeline", "--liveness", "2", "--disputes", "1", "--vote-rounds", "5", "--json");
    assertThat(r.exit()).isZero();
    JsonNode j = r.json();
    // Disputed an hour in (half the window), 39 h to the next round of the 48 h grid, then 1 round + 4 rolls of 48 h.
    assertThat(j.get("latency_hours").asDouble()).isEqualTo(1 + 39 + 5 * 48.0);
    assertThat(j.get("phases")).hasSize(7);
    assertThat(j.get("flows").get(0).get("amount").asText()).isEqualTo("5750"); // the store, at dispute time
    assertThat(j.get("flows").get(1).get("amount").asText()).isEqualTo("14250");
    assertThat(j.get("burned").asText()).isEqualTo("5750");

    CliTest.Run human = run("oracle", "settle-timeline", "--disputes", "1");
    assertThat(human.exit()).isZero();
    assertThat(human.out()).contains("waits for the next round of the fixed 48h vote grid")
        .contains("vote round 1 (commit 24h + reveal 24h): resolves").contains("final after 88 h")
        .contains("14250").contains("burned (to the store): 5750");
  }

  @Test
  void aDeletedVoteShowsNoAnswerLockedBondsAndTheLedgerTimeout() {
    CliTest.Run r = run("oracle", "settle-timeline", "--disputes", "1", "--deleted", "--json");
    assertThat(r.exit()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("deleted").asBoolean()).isTrue();
    assertThat(j.get("final_answer").isNull()).isTrue();
    assertThat(j.get("latency_hours").asDouble()).isEqualTo(1 + 39 + 5 * 48.0);
    assertThat(j.get("locked").asText()).isEqualTo("14250");
    assertThat(j.get("ledger_timeout_hours").asDouble()).isEqualTo(30 * 24.0);
    CliTest.Run human = run("oracle", "settle-timeline", "--disputes", "1", "--deleted");
    assertThat(human.out()).contains("roll count 5 > maxRolls 4: deleted").contains("no answer, ever")
        .contains("invalid policy");
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

    assertThat(j.get("turnout_needed").asDouble()).isCloseTo(0.65 / 0.7, within(1e-12));

    CliTest.Run alone = run("oracle", "attack-cost", "--value-at-stake", "7000000", "--bond", "750", "--vote-share", "0.25");
    assertThat(alone.exit()).isZero();
    assertThat(alone.out()).contains("FAILS").contains("own share of the votes needed to decide at this turnout: 65.0%")
        .contains("does not pay");
  }

  @Test
  void attackCostTakesTurnoutIntoAccountAsVotingV2Does() {
    // the March 2025 case: 70% of the votes decides only above 65/70 = 92.9% turnout
    CliTest.Run at90 = run("oracle", "attack-cost", "--value-at-stake", "7000000", "--bond", "750", "--vote-share", "0.25",
        "--followers", "0.6", "--turnout", "0.9");
    assertThat(at90.exit()).isZero();
    assertThat(at90.out()).contains("at 90.0% turnout that is 63.0% of all staked tokens").contains("ROLLS")
        .contains("decides only at a turnout above 92.9%").contains("does not pay");
    CliTest.Run at93 = run("oracle", "attack-cost", "--value-at-stake", "7000000", "--bond", "750", "--vote-share", "0.25",
        "--followers", "0.6", "--turnout", "0.93", "--json");
    assertThat(at93.json().get("outcome").asText()).isEqualTo("DECIDES");
    assertBad(new String[] {"oracle", "attack-cost", "--value-at-stake", "1", "--bond", "1", "--vote-share", "0.1", "--turnout", "0"},
        "noliq: --turnout: must be in (0, 1] (was 0.0)");
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
    assertBad(new String[] {"oracle", "settle-timeline", "--disputes", "1", "--vote-rounds", "6"},
        "noliq: --vote-rounds: must be between 1 and 5");
    assertBad(new String[] {"oracle", "settle-timeline", "--disputes", "1", "--vote-rounds", "2", "--deleted"},
        "noliq: --vote-rounds: must be 5 when the vote is deleted");
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
