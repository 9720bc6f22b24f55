package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import noliq.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrapperCliTest {
  static final String NOW = "2026-06-01T08:00:00Z";

  static Run run(String... args) {
    return CliTest.run(args);
  }

  @Test
  void explainShowsWhatKyrruiHoldsWhenItRollsAndItsExposure() {
    Run r = run("wrapper", "explain", "--policy", "kyrrui-tracker", "--spot", "2500", "--now", NOW, "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("holds").get("strike").asText()).isEqualTo("1250");
    assertThat(j.get("holds").get("daysToMaturity").asDouble()).isEqualTo(28.0);
    assertThat(j.get("decision").get("action").asText()).isEqualTo("HOLD");
    assertThat(j.get("nextRoll").get("spotBelow").asText()).isEqualTo("1875");
    assertThat(j.get("nextRoll").get("daysUntil").asDouble()).isEqualTo(21.0);
    assertThat(j.get("exposure").get("deltaIndex").asDouble()).isBetween(0.0, 0.01);
    assertThat(j.get("parameters").get("triggerMultiple").asText()).isEqualTo("1.5");

    Run human = run("wrapper", "explain", "--policy", "kyrrui-tracker", "--spot", "2500", "--now", NOW);
    assertThat(human.out()).contains("holds    P strike 1250").contains("rolls when spot < 1875").contains("rolls on time after 2026-06-22T08:00:00Z").contains("exposure");
  }

  @Test
  void explainReproducesTheProposalExposureAndTheThresholdRoll() {
    // proposal.md §4: σ 80%, spot 1875, S 1250, 30 d → P $1244.59, ETH exposure per P 0.030
    Run r = run("wrapper", "explain", "--policy", "exposure-threshold", "--param", "maxDelta=0.02", "--spot", "1875",
        "--strike", "1250", "--days", "30", "--entry-spot", "2500", "--vol", "0.8", "--now", NOW, "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("exposure").get("pValueModel").asDouble()).isCloseTo(1244.59, within(0.005));
    assertThat(j.get("exposure").get("deltaIndex").asDouble()).isCloseTo(0.030, within(0.0005));
    assertThat(j.get("exposure").get("pValueIntrinsic").asDouble()).isEqualTo(1250.0);
    assertThat(j.get("decision").get("action").asText()).isEqualTo("ROLL");
    assertThat(j.get("decision").get("trigger").asText()).isEqualTo("EXPOSURE");
    assertThat(j.get("decision").get("toStrike").asText()).isEqualTo("937.5");

    Run b = run("wrapper", "explain", "--policy", "buterin-2026-current", "--spot", "1799", "--strike", "1200",
        "--days", "35", "--entry-spot", "2500", "--now", NOW, "--json");
    assertThat(b.json().get("decision").get("toStrike").asText()).isEqualTo("400");
    Run e = run("wrapper", "explain", "--policy", "buterin-2026", "--spot", "1799", "--strike", "1200",
        "--days", "35", "--entry-spot", "2500", "--now", NOW, "--json");
    assertThat(e.json().get("decision").get("toStrike").asText()).isEqualTo("600");
  }

  @Test
  void explainRefusesBadInputInOneLineWithExitTwo() {
    Run unknown = run("wrapper", "explain", "--policy", "yolo", "--spot", "2500");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).startsWith("noliq: --policy: must be one of buterin-2026, buterin-2026-current");
    Run above = run("wrapper", "explain", "--policy", "kyrrui-tracker", "--spot", "2500", "--strike", "2500", "--days", "10");
    assertThat(above.exit()).isEqualTo(2);
    assertThat(above.err().strip()).startsWith("noliq: --strike: must be below the spot at entry 2500");
    Run negative = run("wrapper", "explain", "--policy", "kyrrui-tracker", "--spot", "2500", "--strike", "1000", "--days", "-3");
    assertThat(negative.err().strip()).isEqualTo("noliq: --days: must be positive: a held P has not matured (was -3.0)");
    Run badParam = run("wrapper", "explain", "--policy", "kyrrui-tracker", "--spot", "2500", "--param", "maturityDays=-1");
    assertThat(badParam.exit()).isEqualTo(2);
    assertThat(badParam.err().strip()).isEqualTo("noliq: --param maturityDays: must be positive (was -1)");
    Run noSub = run("wrapper");
    assertThat(noSub.exit()).isEqualTo(2);
  }

  @Test
  void theAgentReadsFilesAndLoopbackHttpTakesTheMedianAndDecidesOnce(@TempDir Path dir) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/price", ex -> {
      byte[] body = "1801\n".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      Files.writeString(dir.resolve("a.txt"), "1800\n");
      Files.writeString(dir.resolve("b.txt"), "1799.5 USD per ETH\n");
      Files.writeString(dir.resolve("bad.txt"), "not a price\n");
      Path sources = dir.resolve("sources.txt");
      Files.writeString(sources, "# my private sources\na.txt\nb.txt\nbad.txt\nhttp://127.0.0.1:"
          + server.getAddress().getPort() + "/price\n");
      Run r = run("agent", "--policy", "kyrrui-tracker", "--sources", sources.toString(), "--k", "4", "--seed", "7",
          "--strike", "1250", "--days", "20", "--entry-spot", "2500", "--once", "--now", NOW, "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode j = r.json();
      assertThat(j.get("asked")).hasSize(4);
      assertThat(j.get("answers")).hasSize(3); // bad.txt does not answer
      assertThat(j.get("median").asText()).isEqualTo("1800");
      assertThat(j.get("decision").get("action").asText()).isEqualTo("ROLL");
      assertThat(j.get("decision").get("toStrike").asText()).isEqualTo("900");
      assertThat(j.get("randomness").asText()).isEqualTo("seed 7 (L64X128MixRandom)");
      assertThat(j.get("tradeAt").asText()).isNotBlank();
      assertThat(j.get("mechanism").asText()).isEqualTo("resting-orders");
      assertThat(j.get("exposure").get("deltaIndex").asDouble()).isPositive();
      // the same seed gives the same private choices
      Run again = run("agent", "--policy", "kyrrui-tracker", "--sources", sources.toString(), "--k", "4", "--seed", "7",
          "--strike", "1250", "--days", "20", "--entry-spot", "2500", "--once", "--now", NOW, "--json");
      assertThat(again.out()).isEqualTo(r.out());

      // the daemon logs one JSON line per decision
      Run daemon = run("agent", "--policy", "kyrrui-tracker", "--sources", sources.toString(), "--seed", "1",
          "--check-hours", "0.0001", "--count", "2", "--json");
      assertThat(daemon.exit()).as(daemon.err()).isZero();
      assertThat(daemon.out().strip().split("\n")).hasSize(2);
      Run human = run("agent", "--policy", "kyrrui-tracker", "--sources", sources.toString(), "--once");
      assertThat(human.out()).contains("ROLL").contains("next check");
      assertThat(human.err()).contains("randomness from system entropy");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theAgentValuesItsPOnTheStatedSurfaceAtTheHeldStrikeAndMaturity(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "2000\n");
    Path sources = dir.resolve("sources.txt");
    Files.writeString(sources, "a.txt\n");
    String[] base = {"agent", "--policy", "kyrrui-tracker", "--sources", sources.toString(), "--seed", "1", "--strike", "1250",
        "--days", "20", "--entry-spot", "2500", "--once", "--now", NOW, "--json"};
    JsonNode calm = run(base).json();
    String[] doubled = java.util.Arrays.copyOf(base, base.length + 2);
    doubled[base.length] = "--vol";
    doubled[base.length + 1] = "1.514";
    JsonNode wild = run(doubled).json();
    // the held 1250 strike at spot 2000 is on the put wing: its vol is above the 30-day at-the-money level
    assertThat(calm.get("heldVol").asDouble()).isGreaterThan(0.757 * 1.1);
    assertThat(wild.get("heldVol").asDouble()).isCloseTo(2 * calm.get("heldVol").asDouble(), within(0.15));
    // twice the surface: P, a covered call, is worth less and moves more with ETH
    assertThat(wild.get("exposure").get("pValueModel").asDouble()).isLessThan(calm.get("exposure").get("pValueModel").asDouble() - 1);
    assertThat(wild.get("exposure").get("deltaIndex").asDouble()).isGreaterThan(calm.get("exposure").get("deltaIndex").asDouble());
    String[] badSkew = java.util.Arrays.copyOf(base, base.length + 2);
    badSkew[base.length] = "--skew";
    badSkew[base.length + 1] = "-0.1";
    Run bad = run(badSkew);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip()).startsWith("noliq: --skew: must be at least 0").doesNotContain("\n");
  }

  @Test
  void theAgentRefusesNonLoopbackSourcesAndBadK(@TempDir Path dir) throws Exception {
    Path sources = dir.resolve("s.txt");
    Files.writeString(sources, "http://example.com/price\n");
    Run r = run("agent", "--policy", "kyrrui-tracker", "--sources", sources.toString(), "--once");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo(
        "noliq: --sources: line 1: only http:// endpoints on loopback (127.0.0.1, localhost) are allowed, was http://example.com/price");
    Files.writeString(sources, "a.txt\n");
    Run k = run("agent", "--policy", "kyrrui-tracker", "--sources", sources.toString(), "--k", "3", "--once");
    assertThat(k.err().strip()).isEqualTo("noliq: --k: must be in [1, 1], the number of sources listed (was 3)");
    Run missing = run("agent", "--policy", "kyrrui-tracker", "--sources", dir.resolve("nope.txt").toString(), "--once");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).startsWith("noliq: --sources: no such file");
    Run amm = run("agent", "--policy", "kyrrui-tracker", "--sources", sources.toString(), "--mechanism", "AMM_SWAP", "--once");
    assertThat(amm.err().strip()).startsWith("noliq: --mechanism: must be RESTING_ORDERS or DUTCH_AUCTION");
  }
}
