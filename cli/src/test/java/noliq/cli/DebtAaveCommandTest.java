package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DebtAaveCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  private JsonNode json(String... args) throws Exception {
    String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    assertThat(run(withJson)).as(err.toString()).isEqualTo(Main.OK);
    return Output.JSON.reader(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.toString());
  }

  @Test
  void halfCloseFactorStepByStep() {
    assertThat(run("debt", "aave", "--collateral-eth", "10", "--debt-usd", "17000", "--price", "2000")).isEqualTo(0);
    assertThat(out.toString())
        .contains("health factor                      $16600 / $17000 = 0.976470588235294118")
        .contains("liquidatable (HF < 1)              yes")
        .contains("50% of the total debt")
        .contains("max debt to cover                  $8500")
        .contains("collateral seized                  $8500 / $2000 x LB 1.05 = 4.4625 ETH ($8925)")
        .contains("protocol fee (share of bonus)    0.02125 ETH")
        .contains("to the liquidator                4.44125 ETH")
        .contains("health factor                      1.081441176470588235")
        .contains("LT x LB = 0.8715; here it does.");
  }

  @Test
  void jsonShowsTheDeficitWhenCollateralRunsOut() throws Exception {
    JsonNode r = json("debt", "aave", "--collateral-eth", "1", "--debt-usd", "1900", "--price", "1500");
    assertThat(r.get("health_factor").decimalValue()).isEqualByComparingTo("0.655263157894736842");
    assertThat(r.get("liquidatable").asBoolean()).isTrue();
    JsonNode l = r.get("max_liquidation");
    assertThat(l.get("close_factor").asText()).isEqualTo("HEALTH_FACTOR_AT_MOST_0_95");
    assertThat(l.get("debt_covered_usd").decimalValue()).isEqualByComparingTo("1428.571428571428571429");
    assertThat(l.get("collateral_seized_eth").decimalValue()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(l.get("protocol_fee_eth").decimalValue()).isEqualByComparingTo("0.004761904761904762");
    assertThat(l.get("deficit_usd").decimalValue()).isEqualByComparingTo("471.428571428571428571");
    assertThat(l.get("health_factor_after").isNull()).isTrue();
  }

  @Test
  void belowTheLtTimesLbPivotTheLiquidationLowersTheHealthFactor() throws Exception {
    // HF = 5 x 2,000 x 0.83 / 11,000 = 0.75454545... < 0.8715; the 5 ETH are not worth 11,000 x 1.05, so all of
    // it is seized and the rest of the debt is written off.
    JsonNode r = json("debt", "aave", "--collateral-eth", "5", "--debt-usd", "11000", "--price", "2000");
    assertThat(r.get("health_factor").decimalValue()).isEqualByComparingTo("0.754545454545454545");
    assertThat(r.get("max_liquidation").get("deficit_usd").decimalValue()).isPositive();
    out.getBuffer().setLength(0);
    assertThat(run("debt", "aave", "--collateral-eth", "5", "--debt-usd", "11000", "--price", "2000")).isZero();
    assertThat(out.toString()).contains("here it does not (each liquidation pushes HF further down)")
        .contains("(the collateral runs out first: all of it is seized, and the debt covered shrinks to its value / LB)")
        .contains("health factor                      infinite (no debt left)");
  }

  @Test
  void healthyPositionIsNotLiquidatable() throws Exception {
    JsonNode r = json("debt", "aave", "--collateral-eth", "10", "--debt-usd", "10000", "--price", "2000",
        "--lt", "0.86");
    assertThat(r.get("health_factor").decimalValue()).isEqualByComparingTo("1.72");
    assertThat(r.get("liquidatable").asBoolean()).isFalse();
    assertThat(r.get("max_liquidation").isNull()).isTrue();
  }

  @Test
  void dustRefusalIsReportedNotThrown() {
    // LT 0.95: 1.025 ETH ($2,050) against $2,028 gives HF 0.9603, both positions >= $2,000, so at most $1,014.
    // That takes 0.53235 ETH (0.529815 to the liquidator, 0.002535 fee), leaving 0.49265 ETH = $985.30 of
    // collateral (v3.3.0 counts the fee as gone): the dust rule refuses.
    assertThat(run("debt", "aave", "--collateral-eth", "1.025", "--debt-usd", "2028", "--price", "2000",
        "--lt", "0.95")).isZero();
    assertThat(out.toString()).contains("max debt to cover                  $1014")
        .contains("Liquidation refused: debtToCover: must clear the debt or the collateral, or leave at least $1000 "
            + "of each (would leave $1014 of debt and $985.3 of collateral)");
  }

  @Test
  void badInputExitsTwoNamingTheOption() {
    assertThat(run("debt", "aave", "--collateral-eth", "10", "--debt-usd", "17000", "--price", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("noliq: --price: must be positive (was 0)");
    assertThat(run("debt", "aave", "--collateral-eth", "-1", "--debt-usd", "1", "--price", "1")).isEqualTo(2);
    assertThat(run("debt", "aave", "--collateral-eth", "1", "--debt-usd", "1", "--price", "1", "--lb", "0.05"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("noliq: --lb: must be above 1, as a multiplier such as 1.05 for a 5% bonus (was 0.05)");
    assertThat(run("debt", "aave", "--collateral-eth", "1", "--debt-usd", "1", "--price", "1", "--lt", "0.97"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("noliq: --lb: times the liquidation threshold must not exceed 100% (97% x 105%)");
    assertThat(run("debt")).isEqualTo(2);
    assertThat(run("debt", "aave", "--help")).isZero();
  }

  @Test
  void coverTriesAGivenDebtToCoverAndRefusesWhatTheContractReverts() throws Exception {
    // The case: 5 WETH at $2,000 against 9,800 (LT 0.83, LB 1.05, fee 10%). Covering 8,590.47619 leaves
    // 0.49000000025 ETH = $980.00 once the liquidator's share and the fee have left: v3.3.0 reverts.
    assertThat(run("debt", "aave", "--collateral-eth", "5", "--debt-usd", "9800", "--price", "2000",
        "--cover", "8590.47619")).isEqualTo(2);
    assertThat(err.toString()).contains("noliq: --cover: must clear the debt or the collateral, or leave at least "
        + "$1000 of each (would leave $1209.52381 of debt and $980.0000005 of collateral)");
    // Covering 8,000 is accepted and shown step by step.
    JsonNode r = json("debt", "aave", "--collateral-eth", "5", "--debt-usd", "9800", "--price", "2000",
        "--cover", "8000");
    assertThat(r.get("inputs").get("cover_usd").decimalValue()).isEqualByComparingTo("8000");
    assertThat(r.get("max_liquidation").get("debt_covered_usd").decimalValue()).isEqualByComparingTo("8000");
    assertThat(r.get("max_liquidation").get("collateral_left_eth").decimalValue()).isEqualByComparingTo("0.8");
    // A healthy position has nothing to cover.
    assertThat(run("debt", "aave", "--collateral-eth", "10", "--debt-usd", "1000", "--price", "2000",
        "--cover", "100")).isEqualTo(2);
    assertThat(err.toString()).contains("noliq: --cover: the position cannot be liquidated");
  }
}
