package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import noliq.node.Node;
import noliq.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} and {@code agent --node}: bad input is refused in one line naming the option; the agent trades. */
class ServeAndAgentOnNodeTest {
  @TempDir Path dir;

  @Test
  void serveRefusesBadInputNamingTheOption() {
    CliTest.Run speed = CliTest.run("serve", "--data-dir", dir.toString(), "--speed", "0");
    assertThat(speed.exit()).isEqualTo(2);
    assertThat(speed.err()).contains("--speed");
    CliTest.Run from = CliTest.run("serve", "--data-dir", dir.toString(), "--from", "2021-05-17T00:00:00Z");
    assertThat(from.exit()).isEqualTo(2);
    assertThat(from.err()).contains("--from");
    CliTest.Run url = CliTest.run("serve", "--data-dir", dir.toString(), "--price-url", "http://example.com/p");
    assertThat(url.exit()).isEqualTo(2);
    assertThat(url.err()).contains("price-url");
  }

  @Test
  void theAgentNeedsAKeyForTheNode() {
    CliTest.Run r = CliTest.run("agent", "--policy", "kyrrui-tracker", "--node", "http://127.0.0.1:1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--api-key");
    CliTest.Run none = CliTest.run("agent", "--policy", "kyrrui-tracker");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("--sources");
  }

  @Test
  void theAgentEntersThroughTheNode() throws Exception {
    try (Node node = Node.start(NodeConfig.defaults(dir).withPort(0))) {
      var http = java.net.http.HttpClient.newHttpClient();
      var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url() + "api/accounts"))
          .header("Idempotency-Key", "cli-test").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      String key = noliq.node.engine.Json.MAPPER.readTree(resp.body()).get("apiKey").asText();
      CliTest.Run r = CliTest.run("agent", "--policy", "kyrrui-tracker", "--node", node.url(), "--api-key", key,
          "--count", "3", "--poll-seconds", "0.1", "--window-hours", "0", "--seed", "5");
      assertThat(r.exit()).as(r.err()).isEqualTo(0);
      assertThat(r.out()).contains("\"event\":\"roll-due\"").contains("\"event\":\"trade\"");
    }
  }
}
