package noliq.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.wrapper.port.PriceView;

/**
 * The agent's private price sources, listed one per line in a file: a local file whose content is a
 * price, or an HTTP endpoint on loopback that returns one. Blank lines and {@code #} comments are
 * skipped; a relative path is relative to the sources file. A source that cannot be read, or does
 * not hold a plain positive decimal, does not answer (the median goes on without it).
 */
final class AgentPriceSources implements PriceView {
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private sealed interface Source permits FileSource, HttpSource {}

  private record FileSource(Path path) implements Source {}

  private record HttpSource(URI uri) implements Source {}

  private final List<String> names;
  private final List<Source> sources;
  private HttpClient http;

  private AgentPriceSources(List<String> names, List<Source> sources) {
    this.names = List.copyOf(names);
    this.sources = List.copyOf(sources);
  }

  static AgentPriceSources load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuleViolation("--sources", "cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    List<String> names = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    Path dir = file.toAbsolutePath().getParent();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://") || lower.contains("://")) {
        URI uri;
        try {
          uri = URI.create(line);
        } catch (IllegalArgumentException e) {
          throw new RuleViolation("--sources", "line " + (i + 1) + ": not a valid URL (" + line + ")");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || !LOOPBACK.contains(uri.getHost())) {
          throw new RuleViolation("--sources", "line " + (i + 1) + ": only http:// endpoints on loopback (127.0.0.1, localhost) "
              + "are allowed, was " + line);
        }
        sources.add(new HttpSource(uri));
      } else {
        sources.add(new FileSource(dir.resolve(line)));
      }
      names.add(line);
    }
    if (sources.isEmpty()) {
      throw new RuleViolation("--sources", file + " lists no price source (one file path or loopback URL a line)");
    }
    return new AgentPriceSources(names, sources);
  }

  @Override
  public List<String> sources() {
    return names;
  }

  @Override
  public Optional<Price> read(int index) {
    String text;
    try {
      text = switch (sources.get(index)) {
        case FileSource f -> Files.readString(f.path(), StandardCharsets.UTF_8);
        case HttpSource h -> fetch(h.uri());
      };
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (text == null) {
      return Optional.empty();
    }
    String[] tokens = text.strip().split("\\s+");
    try {
      Price p = Price.parse(tokens[0], "price");
      return p.isPositive() ? Optional.of(p) : Optional.empty();
    } catch (RuleViolation e) {
      return Optional.empty();
    }
  }

  private String fetch(URI uri) throws IOException, InterruptedException {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return r.statusCode() == 200 ? r.body() : null;
  }
}
