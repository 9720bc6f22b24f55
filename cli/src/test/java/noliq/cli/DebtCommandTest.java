package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DebtCommandTest {
  @Test
  void makerAuctionReproducesTheEthCurveNineteenMinutesAnd0486AtTheTail() throws Exception {
    CliTest.Run r = CliTest.run("debt", "maker-auction", "--buf", "1.2", "--cut", "0.99", "--step", "60", "--tail", "5400",
        "--cusp", "0.4", "--json");
    assertThat(r.exit()).isZero();
    JsonNode json = Output.JSON.readTree(r.out());
    assertThat(json.get("reachesOracleAtSeconds").asLong()).isEqualTo(1140);
    assertThat(json.get("reachesOracleAtMinutes").asDouble()).isEqualTo(19.0);
    assertThat(json.get("fractionAtTail").asDouble()).isBetween(0.4856, 0.4857);
    assertThat(json.get("redoDueAtSeconds").asLong()).isEqualTo(5401);
    assertThat(json.get("curve")).hasSize(91);
    assertThat(json.get("curve").get(1).get("fractionOfOracle").asDouble()).isEqualTo(1.188);
  }

  @Test
  void makerAuctionHumanTableNamesTheCrossingAndTheTail() {
    CliTest.Run r = CliTest.run("debt", "maker-auction");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("reaches the oracle price: after 1140 s (19.0 min)")
        .contains("price at the tail:        0.4857 x oracle")
        .contains("redo due:                 after 5401 s (older than tail)");
  }

  @Test
  void makerAuctionWithAFastCutIsRedoneAtTheCusp() throws Exception {
    CliTest.Run r = CliTest.run("debt", "maker-auction", "--cut", "0.9", "--json");
    JsonNode json = Output.JSON.readTree(r.out());
    assertThat(json.get("redoDueAtSeconds").asLong()).isEqualTo(540);   // 0.9^9 < 0.4
    assertThat(json.get("redoReason").asText()).isEqualTo("price below cusp x top");
  }

  @Test
  void liquityShowsTheIcrAndThePoolOffset() throws Exception {
    CliTest.Run r = CliTest.run("debt", "liquity", "--collateral-eth", "3", "--debt", "4220", "--price", "1500", "--pool", "10000", "--json");
    assertThat(r.exit()).isZero();
    JsonNode json = Output.JSON.readTree(r.out());
    assertThat(json.get("icr").asDouble()).isBetween(1.0663, 1.0664);
    assertThat(json.get("liquidatable").asBoolean()).isTrue();
    assertThat(json.get("collGasCompensationEth").asText()).isEqualTo("0.015");
    assertThat(json.get("debtOffset").asText()).isEqualTo("4220");
    assertThat(json.get("collateralToPoolEth").asText()).isEqualTo("2.985");
    assertThat(json.get("poolGainUsd").asDouble()).isEqualTo(257.5);
  }

  @Test
  void liquityV2SplitsBetweenPoolAndRedistributionWithItsPenalties() throws Exception {
    CliTest.Run r = CliTest.run("debt", "liquity", "--collateral-eth", "3", "--debt", "4000", "--price", "1450", "--pool", "2001",
        "--preset", "v2", "--json");
    JsonNode json = Output.JSON.readTree(r.out());
    assertThat(json.get("collateralToPoolEth").asText()).isEqualTo("1.448275862068965517");
    assertThat(json.get("collateralRedistributedEth").asText()).isEqualTo("1.517241379310344827");
    // The gas compensation comes only from the offset half (0.5% of 1.5 ETH = 0.0075), so the owner keeps more.
    assertThat(json.get("collateralSurplusEth").asText()).isEqualTo("0.026982758620689656");
    assertThat(json.get("poolGainPercent").asDouble()).isEqualTo(5.0);
  }

  @Test
  void liquityHumanOutputSaysWhetherTheTroveIsHealthy() {
    CliTest.Run r = CliTest.run("debt", "liquity", "--collateral-eth", "10", "--debt", "10250", "--price", "2000");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("ICR 195.1220%  (MCR 110%): healthy").contains("debt redistributed to troves");
  }

  @Test
  void badInputExitsWithTwoAndNamesTheOption() {
    assertThat(CliTest.run("debt", "maker-auction", "--cut", "1.5").err()).isEqualTo("noliq: --cut: must be between 0 and 1 (was 1.5)\n");
    assertThat(CliTest.run("debt", "maker-auction", "--step", "0").exit()).isEqualTo(2);
    CliTest.Run neg = CliTest.run("debt", "liquity", "--collateral-eth", "-3", "--debt", "1", "--price", "1");
    assertThat(neg.exit()).isEqualTo(2);
    assertThat(neg.err()).isEqualTo("noliq: --collateral-eth: must not be negative (was -3)\n");
    assertThat(CliTest.run("debt", "liquity", "--collateral-eth", "3", "--debt", "1", "--price", "0").err())
        .isEqualTo("noliq: --price: must be positive (was 0)\n");
    assertThat(CliTest.run("debt", "liquity", "--collateral-eth", "3").exit()).isEqualTo(2);
    assertThat(CliTest.run("debt").exit()).isEqualTo(2);
  }
}
