package noliq.node.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import noliq.math.RuleViolation;
import noliq.node.engine.Json;

/** The agent's side of the node's JSON API: GETs, and POSTs with its API key and an idempotency key. */
public final class NodeClient {
  /** A refusal by the node (4xx), with its field and rule. */
  public static final class Refused extends RuleViolation {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String field, String rule) {
      super(field, rule);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String apiKey;

  public NodeClient(String url, String apiKey) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("--node", "must be a URL such as http://127.0.0.1:7070 (was " + url + ")");
    }
    if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
      throw new RuleViolation("--node", "must be an http(s) URL such as http://127.0.0.1:7070 (was " + url + ")");
    }
    if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
      throw new RuleViolation("--api-key", "is required (the key POST /api/accounts returned)");
    }
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.apiKey = apiKey;
  }

  public JsonNode get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("X-Api-Key", apiKey).GET().build());
  }

  public JsonNode post(String path, Object body, String idempotencyKey) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("X-Api-Key", apiKey).header("Idempotency-Key", idempotencyKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.text(body))).build());
  }

  private JsonNode send(HttpRequest r) {
    for (int attempt = 0; ; attempt++) {
      try {
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        JsonNode json = Json.MAPPER.readTree(resp.body());
        if (resp.statusCode() == 429 || resp.statusCode() == 503) {
          if (attempt < 20) {
            Thread.sleep(100L << Math.min(attempt, 5));
            continue; // the same idempotency key: a retry applies at most once
          }
        }
        if (resp.statusCode() >= 400) {
          throw new Refused(resp.statusCode(), json.path("field").asText("node"), json.path("rule").asText(resp.body()));
        }
        return json;
      } catch (IOException e) {
        if (attempt < 5) {
          sleep(200L << attempt);
          continue;
        }
        throw new UncheckedIOException("the node at " + base + " does not answer: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
