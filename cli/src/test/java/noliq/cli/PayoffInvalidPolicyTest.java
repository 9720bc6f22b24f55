package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import noliq.cli.CliTest.Run;
import org.junit.jupiter.api.Test;

/** {@code noliq payoff --invalid}: what each leg gets if the question is invalid, and the I leg when there is one. */
class PayoffInvalidPolicyTest {

  @Test
  void thirdOutcomeAddsTheILegWhichPaysOnlyOnAnInvalidAnswer() {
    Run r = CliTest.run("payoff", "--strike", "1500", "--at", "2500,1000", "--invalid", "third-outcome", "--json");
    assertThat(r.exit()).isZero();
    JsonNode rows = r.json().get("rows");
    assertThat(rows.get(0).get("P_eth").decimalValue()).isEqualByComparingTo("0.6");
    assertThat(rows.get(0).get("N_eth").decimalValue()).isEqualByComparingTo("0.4");
    assertThat(rows.get(0).get("I_eth").decimalValue()).isEqualByComparingTo("0");
    assertThat(rows.get(1).get("I_eth").decimalValue()).isEqualByComparingTo("0");
    JsonNode invalid = r.json().get("if_invalid");
    assertThat(invalid.get("policy").asText()).isEqualTo("third-outcome");
    assertThat(invalid.get("P_eth").decimalValue()).isEqualByComparingTo("0");
    assertThat(invalid.get("N_eth").decimalValue()).isEqualByComparingTo("0");
    assertThat(invalid.get("I_eth").decimalValue()).isEqualByComparingTo("1");

    Run human = CliTest.run("payoff", "--strike", "1500", "--at", "2500", "--invalid", "third-outcome");
    assertThat(human.out()).contains("P + N + I = 1 ETH").contains("I (ETH)")
        .contains("if the question is invalid (third-outcome): P 0, N 0, I 1 ETH per unit");
  }

  @Test
  void theOtherPoliciesAndTheDefaultOutput() {
    Run halves = CliTest.run("payoff", "--strike", "1500", "--at", "2500", "--invalid", "half-half");
    assertThat(halves.out()).contains("if the question is invalid (half-half): P 0.5, N 0.5 ETH per unit")
        .doesNotContain("I (ETH)");
    Run fallback = CliTest.run("payoff", "--strike", "1500", "--at", "2500", "--invalid", "fallback");
    assertThat(fallback.out()).contains("nothing settles until the heavier oracle gives a value");
    Run plain = CliTest.run("payoff", "--strike", "1500", "--at", "2500", "--json");
    assertThat(plain.json().has("if_invalid")).isFalse();
    assertThat(plain.json().get("rows").get(0).has("I_eth")).isFalse();
    Run bad = CliTest.run("payoff", "--strike", "1500", "--at", "2500", "--invalid", "coin-flip");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("'coin-flip' is not one of half-half, third-outcome, fallback");
  }
}
