package noliq.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import noliq.node.engine.Json;

/** A small JSON client for the node's API in tests. */
public final class Http {
  public record Response(int status, JsonNode json, String body) {}

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Http(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public Response get(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET();
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    return send(b.build());
  }

  public Response post(String path, String key, String body) {
    return post(path, key, body, "t-" + UUID.randomUUID());
  }

  public Response post(String path, String key, String body, String idem) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    if (idem != null) {
      b.header("Idempotency-Key", idem);
    }
    return send(b.build());
  }

  private Response send(HttpRequest r) {
    try {
      HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = Json.MAPPER.readTree(resp.body());
      } catch (IOException notJson) {
        // a page or a stream
      }
      return new Response(resp.statusCode(), json, resp.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
