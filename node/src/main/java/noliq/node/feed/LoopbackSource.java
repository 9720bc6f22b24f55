package noliq.node.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import noliq.math.RuleViolation;

/**
 * A price served on this machine: {@code GET http://127.0.0.1:PORT/...} answers a number (USD per
 * ETH) as plain text. Only loopback addresses are accepted, so the node never reaches out to the
 * network on its own. A source that does not answer within a second, or answers nonsense, gives
 * nothing and the node keeps its last price.
 */
public final class LoopbackSource implements PriceSource {
  private final URI uri;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  public LoopbackSource(URI uri) {
    String host = uri.getHost();
    if (!"http".equals(uri.getScheme()) || host == null
        || !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))) {
      throw new RuleViolation("price-url", "must be an http://127.0.0.1 address (was " + uri + ")");
    }
    this.uri = uri;
  }

  @Override
  public Optional<Double> priceAt(Instant marketTime) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return Optional.empty();
      }
      double v = Double.parseDouble(r.body().trim());
      return v > 0 && v < 1e9 ? Optional.of(v) : Optional.empty();
    } catch (java.io.IOException | NumberFormatException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return "price from " + uri;
  }
}
