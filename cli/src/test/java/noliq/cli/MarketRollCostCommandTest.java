package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MarketRollCostCommandTest {
  @Test
  void printsTheComparisonForEveryMechanism() {
    CliTest.Run r = CliTest.run("market", "roll-cost", "--size-usd", "10000", "--from-strike", "2000", "--to-strike", "1500",
        "--days", "7", "--vol", "0.7");
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("amm", "auction", "book", "cost (bps)", "Assumptions:", "ammPoolDepthUsd", "Kyrrui");
  }

  @Test
  void jsonHasOneRowPerSizeAndMechanism() throws Exception {
    CliTest.Run r = CliTest.run("market", "roll-cost", "--size-usd", "10000,1000000", "--from-strike", "2000", "--to-strike", "1500",
        "--days", "7", "--to-days", "28", "--vol", "0.7", "--mechanism", "auction", "--json");
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    JsonNode json = Output.JSON.readTree(r.out());
    assertThat(json.get("rows")).hasSize(2);
    assertThat(json.get("rows").get(0).get("mechanism").asText()).isEqualTo("auction");
    assertThat(json.get("rows").get(1).get("costBps").asDouble()).isBetween(10.0, 200.0);
    assertThat(json.get("roll").get("toDays").asDouble()).isEqualTo(28.0);
  }

  @Test
  void assumptionsCanBeVariedFromTheCommandLine() throws Exception {
    String[] base = {"market", "roll-cost", "--size-usd", "100000", "--from-strike", "2000", "--to-strike", "1500",
        "--days", "7", "--vol", "0.7", "--mechanism", "amm", "--json"};
    double shallow = Output.JSON.readTree(CliTest.run(base).out()).get("rows").get(0).get("costBps").asDouble();
    String[] deeper = java.util.Arrays.copyOf(base, base.length + 2);
    deeper[base.length] = "--pool-depth-usd";
    deeper[base.length + 1] = "100000000";
    double deep = Output.JSON.readTree(CliTest.run(deeper).out()).get("rows").get(0).get("costBps").asDouble();
    assertThat(deep).isLessThan(shallow);
  }

  @Test
  void badInputExitsTwoWithTheOptionNamed() {
    CliTest.Run zero = CliTest.run("market", "roll-cost", "--size-usd", "0", "--from-strike", "2000", "--to-strike", "1500",
        "--days", "7", "--vol", "0.7");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).startsWith("noliq: --size-usd: must be above 0");
    CliTest.Run same = CliTest.run("market", "roll-cost", "--size-usd", "1000", "--from-strike", "2000", "--to-strike", "2000",
        "--days", "7", "--vol", "0.7");
    assertThat(same.exit()).isEqualTo(2);
    assertThat(same.err()).startsWith("noliq: --to-strike: must differ");
    CliTest.Run mech = CliTest.run("market", "roll-cost", "--size-usd", "1000", "--from-strike", "2000", "--to-strike", "1500",
        "--days", "7", "--vol", "0.7", "--mechanism", "swap");
    assertThat(mech.exit()).isEqualTo(2);
    assertThat(mech.err()).contains("--mechanism");
    assertThat(CliTest.run("market").exit()).isEqualTo(2);
    CliTest.Run depth = CliTest.run("market", "roll-cost", "--size-usd", "1000", "--from-strike", "2000", "--to-strike", "1500",
        "--days", "7", "--vol", "0.7", "--pool-depth-usd", "-5");
    assertThat(depth.exit()).isEqualTo(2);
    assertThat(depth.err()).startsWith("noliq: --pool-depth-usd: must be a positive number");
  }

  @Test
  void theStateMovesTheCostAndIsPrintedWithTheDecomposition() throws Exception {
    String[] calm = {"market", "roll-cost", "--size-usd", "1000000", "--from-strike", "2000", "--to-strike", "1500",
        "--days", "7", "--to-days", "28", "--vol", "0.5", "--json"};
    String[] wild = calm.clone();
    wild[13] = "1.0";
    JsonNode low = Output.JSON.readTree(CliTest.run(calm).out());
    JsonNode high = Output.JSON.readTree(CliTest.run(wild).out());
    for (int i = 0; i < 2; i++) { // amm, auction
      assertThat(high.get("rows").get(i).get("costBps").asDouble()).as(high.get("rows").get(i).get("mechanism").asText())
          .isGreaterThan(low.get("rows").get(i).get("costBps").asDouble());
    }
    JsonNode amm = low.get("rows").get(0);
    assertThat(amm.get("feeBps").asDouble() + amm.get("impactBps").asDouble()).isCloseTo(amm.get("costBps").asDouble(),
        org.assertj.core.api.Assertions.within(1e-9));
    // the deep out-of-the-money put is read on the wing, above the at-the-money level
    assertThat(low.get("roll").get("toVol").asDouble()).isGreaterThan(0.5);
    CliTest.Run text = CliTest.run("market", "roll-cost", "--size-usd", "100000", "--from-strike", "2000", "--to-strike",
        "1500", "--days", "7", "--vol", "0.9", "--skew", "0.3", "--vol-of-vol", "1.5", "--rv-jump", "3");
    assertThat(text.exit()).as(text.err()).isEqualTo(0);
    assertThat(text.out()).contains("put skew 0.300", "vol-of-vol 1.500", "spread", "fees", "impact", "move", "unfilled",
        "putSkew");
  }

  @Test
  void aDateReadsTheStateFromHistory() throws Exception {
    CliTest.Run r = CliTest.run("market", "roll-cost", "--size-usd", "100000", "--from-strike", "1500", "--to-strike",
        "1200", "--days", "7", "--date", "2021-05-19", "--json");
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    JsonNode json = Output.JSON.readTree(r.out());
    assertThat(json.get("roll").get("state").asText()).contains("Deribit DVOL");
    assertThat(json.get("roll").get("realisedVolJump").asDouble()).isGreaterThan(1);
    CliTest.Run both = CliTest.run("market", "roll-cost", "--size-usd", "1000", "--from-strike", "2000", "--to-strike",
        "1500", "--days", "7", "--vol", "0.7", "--date", "2021-05-19");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).startsWith("noliq: --vol: give either --vol or --date");
    CliTest.Run skew = CliTest.run("market", "roll-cost", "--size-usd", "1000", "--from-strike", "2000", "--to-strike",
        "1500", "--days", "7", "--vol", "0.7", "--skew", "-1");
    assertThat(skew.exit()).isEqualTo(2);
    assertThat(skew.err()).startsWith("noliq: --skew: must be in [0, 5]");
  }
}
