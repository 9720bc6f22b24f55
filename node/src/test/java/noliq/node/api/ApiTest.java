package noliq.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import noliq.node.Http;
import noliq.node.Node;
import noliq.node.NodeConfig;
import noliq.node.engine.Market;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's rules, against a real node on loopback (bots off, so only the test moves the market). */
class ApiTest {
  @TempDir static Path dir;
  static Node node;
  static Http http;
  static String alice;
  static String bob;
  static String series;

  @BeforeAll
  static void start() {
    node = Node.start(NodeConfig.defaults(dir).withPort(0).withBots(false).withRate(50));
    http = new Http(node.url());
    alice = open();
    bob = open();
    series = http.get("/api/series", null).json().get(0).get("id").asText();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static String open() {
    Http.Response r = http.post("/api/accounts", null, "{}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("apiKey").asText();
  }

  static String digest() {
    return node.engine().query(Market::digest).join();
  }

  @Test
  void aBatchIsAnsweredInOrderAndARepeatChangesNothing() {
    String body = "{\"commands\":[{\"type\":\"split\",\"series\":\"" + series + "\",\"amount\":\"1\"},"
        + "{\"type\":\"merge\",\"series\":\"" + series + "\",\"amount\":\"0.5\"},"
        + "{\"type\":\"merge\",\"series\":\"" + series + "\",\"amount\":\"1000\"}]}";
    Http.Response r = http.post("/api/batch", bob, body, "batch-1");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("accepted").asInt()).isEqualTo(2);
    assertThat(r.json().get("refused").asInt()).isEqualTo(1);
    JsonNode outs = r.json().get("outcomes");
    assertThat(outs.get(1).get("seq").asLong()).isEqualTo(outs.get(0).get("seq").asLong() + 1);
    assertThat(outs.get(2).get("field").asText()).isNotBlank();
    JsonNode balances = http.get("/api/me", bob).json().get("balances");
    Http.Response again = http.post("/api/batch", bob, body, "batch-1");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("outcomes").get(0).get("seq")).as("a repeat returns the first outcomes")
        .isEqualTo(outs.get(0).get("seq"));
    assertThat(http.get("/api/me", bob).json().get("balances")).as("and moves nothing").isEqualTo(balances);
  }

  @Test
  void oneBadCommandRefusesTheWholeBatchNamingIt() {
    String before = digest();
    String body = "{\"commands\":[{\"type\":\"split\",\"series\":\"" + series + "\",\"amount\":\"1\"},"
        + "{\"type\":\"place-order\",\"series\":\"" + series + "\",\"leg\":\"P\",\"side\":\"BUY\","
        + "\"limit\":\"-1\",\"amount\":\"1\"}]}";
    Http.Response r = http.post("/api/batch", bob, body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("commands[1].limit");
    Http.Response genesis = http.post("/api/batch", bob, "{\"commands\":[{\"type\":\"genesis\"}]}");
    assertThat(genesis.status()).isEqualTo(400);
    assertThat(genesis.json().get("field").asText()).isEqualTo("commands[0].type");
    Http.Response empty = http.post("/api/batch", bob, "{\"commands\":[]}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void theKeyIsStoredOnlyAsItsHash() {
    Map<String, String> hashes = node.engine().query(Market::keyHashes).join();
    assertThat(hashes.values()).doesNotContain(alice).contains(Api.sha256(alice));
  }

  @Test
  void anAccountSplitsAndTradesItsOwnTokens() {
    Http.Response split = http.post("/api/split", alice, "{\"series\":\"" + series + "\",\"amount\":\"2\"}");
    assertThat(split.status()).as(split.body()).isEqualTo(200);
    Http.Response sell = http.post("/api/orders", alice,
        "{\"series\":\"" + series + "\",\"leg\":\"P\",\"side\":\"SELL\",\"limit\":\"0.6\",\"amount\":\"1\"}");
    assertThat(sell.status()).as(sell.body()).isEqualTo(200);
    Http.Response book = http.get("/api/books/" + series + "/P", null);
    assertThat(book.json().get("asks").toString()).contains("0.6");
    Http.Response me = http.get("/api/me", alice);
    assertThat(me.json().get("orders")).hasSize(1);
  }

  @Test
  void anAccountCannotActForAnother() {
    String before = digest();
    Http.Response r = http.post("/api/split", bob, "{\"account\":\"user:0\",\"series\":\"" + series + "\",\"amount\":\"1\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("account");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void badInputIsA400NamingTheFieldAndTheRuleAndChangesNothing() {
    String before = digest();
    String[][] cases = {
        {"/api/split", "{\"series\":\"" + series + "\",\"amount\":\"-1\"}", "amount"},
        {"/api/split", "{\"series\":\"zz\",\"amount\":\"1\"}", "series"},
        {"/api/orders", "{\"series\":\"" + series + "\",\"leg\":\"Q\",\"side\":\"BUY\",\"limit\":\"1\",\"amount\":\"1\"}", "leg"},
        {"/api/orders", "{\"series\":\"" + series + "\",\"leg\":\"P\",\"side\":\"BUY\",\"limit\":\"abc\",\"amount\":\"1\"}", "limit"},
        {"/api/split", "{\"series\":\"" + series + "\",\"amount\":\"1\",\"colour\":\"red\"}", "colour"},
        {"/api/split", "[1,2]", "body"},
        {"/api/split", "{not json", "body"},
        {"/api/auctions/take", "{\"auction\":\"x\",\"lot\":\"1\",\"maxPrice\":\"1\"}", "auction"},
    };
    for (String[] c : cases) {
      Http.Response r = http.post(c[0], alice, c[1]);
      assertThat(r.status()).as("%s %s -> %s", c[0], c[1], r.body()).isEqualTo(400);
      assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(c[2]);
      assertThat(r.json().get("rule").asText()).isNotBlank();
    }
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void aMarketRefusalIsA422AndChangesNothingButTheJournalPosition() {
    String before = node.engine().query(m -> m.book().snapshot().toString()).join();
    Http.Response r = http.post("/api/split", bob, "{\"series\":\"" + series + "\",\"amount\":\"1000000\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("field").asText()).isNotBlank();
    assertThat(node.engine().query(m -> m.book().snapshot().toString()).join()).isEqualTo(before);
  }

  @Test
  void everyPostNeedsAnIdempotencyKeyAndARepeatAppliesOnce() {
    Http.Response none = http.post("/api/split", alice, "{\"series\":\"" + series + "\",\"amount\":\"1\"}", null);
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("field").asText()).isEqualTo("Idempotency-Key");
    String body = "{\"series\":\"" + series + "\",\"amount\":\"0.25\"}";
    Http.Response first = http.post("/api/merge", alice, body, "merge-once");
    Http.Response again = http.post("/api/merge", alice, body, "merge-once");
    assertThat(again.status()).isEqualTo(first.status());
    assertThat(again.json().get("seq")).isEqualTo(first.json().get("seq"));
  }

  @Test
  void actingNeedsAKnownKey() {
    assertThat(http.post("/api/split", null, "{}").status()).isEqualTo(401);
    assertThat(http.post("/api/split", "nlq_wrong", "{}").status()).isEqualTo(401);
    assertThat(http.get("/api/me", null).status()).isEqualTo(401);
  }

  @Test
  void eachKeyIsRateLimited() throws Exception {
    String carol = open();
    // 50 a second with a burst of 100: four clients asking as fast as they can trip it, however
    // slow the machine, unless it answers fewer than 50 a second (bounded at 4 x 1,500 requests)
    java.util.concurrent.atomic.AtomicReference<Http.Response> limited = new java.util.concurrent.atomic.AtomicReference<>();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      clients.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 1_500 && limited.get() == null; i++) {
          Http.Response r = http.get("/api/me", carol);
          if (r.status() == 429) {
            limited.compareAndSet(null, r);
          }
        }
      }));
    }
    for (Thread t : clients) {
      t.join();
    }
    assertThat(limited.get()).as("a key over its rate is refused").isNotNull();
    assertThat(limited.get().json().get("field").asText()).isEqualTo("rate");
  }

  @Test
  void theOpenApiDescriptionMatchesTheRealRoutes() {
    JsonNode doc = http.get("/openapi.json", null).json();
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey()));
    }
    Set<String> real = new TreeSet<>(node.api().registeredRoutes());
    // the event stream is registered as a GET by its SSE handler
    assertThat(real).isEqualTo(documented);
    // every documented POST body names exactly its command's fields, and the server enforces them
    List<String> checked = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode post = p.getValue().get("post");
      if (post == null || post.get("requestBody") == null) {
        continue;
      }
      Http.Response r = http.post(p.getKey(), alice, "{\"no_such_field\":1}");
      assertThat(r.status()).as(p.getKey()).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo("no_such_field");
      checked.add(p.getKey());
    }
    assertThat(checked).hasSizeGreaterThan(20);
  }

  @Test
  void theServerBindsLoopbackAndSendsNoCorsHeaders() throws Exception {
    assertThat(node.url()).startsWith("http://127.0.0.1:");
    var client = java.net.http.HttpClient.newHttpClient();
    var resp = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url() + "api/status"))
        .header("Origin", "http://evil.example").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(resp.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void theEventStreamCarriesEveryCommand() throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url() + "api/events"))
        .header("Accept", "text/event-stream").build();
    var resp = client.sendAsync(req, java.net.http.HttpResponse.BodyHandlers.ofLines());
    var lines = resp.get(5, java.util.concurrent.TimeUnit.SECONDS).body().iterator();
    Thread.sleep(200);
    http.post("/api/split", bob, "{\"series\":\"" + series + "\",\"amount\":\"0.5\"}");
    String seen = "";
    for (int i = 0; i < 20 && !seen.contains("\"split\""); i++) {
      seen = lines.next();
    }
    assertThat(seen).contains("\"split\"").contains("\"accepted\":true");
  }
}
