package noliq.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.wrapper.port.PriceView;

/**
 * The agent's private price sources, listed one per line in a file: a local file whose content is a
 * price, or an HTTP endpoint on loopback that returns one. Blank lines and {@code #} comments are
 * skipped; a relative path is relative to the sources file.
 *
 * <p>Every read is bounded: a file source must be a regular file (a FIFO or device would block or
 * never end) of at most {@link #MAX_ANSWER_BYTES}; an HTTP source has {@link #DEADLINE_SECONDS} in all
 * for connect, headers and body, and at most {@link #MAX_ANSWER_BYTES} of body. The answer must be one
 * plain decimal price, optionally surrounded by white space. A source that fails any of this does not
 * answer (the median goes on without it). The answer must start with a plain decimal price, which may be
 * followed by white space and printable text such as a unit.
 */
final class AgentPriceSources implements PriceView {
  static final int MAX_SOURCES = 256;
  static final int MAX_ANSWER_BYTES = 256;
  static final int DEADLINE_SECONDS = 3;
  private static final Duration DEADLINE = Duration.ofSeconds(DEADLINE_SECONDS);
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
  /** A plain decimal price first, then optionally white space and printable text (a unit, a note). */
  private static final Pattern PRICE = Pattern.compile("\\s*(\\d{1,12}(\\.\\d{1,18})?)(\\s[\\x20-\\x7E\\s]*)?");

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
    Limits.regularFile("--sources", file, Limits.MAX_SOURCES_BYTES);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuleViolation("--sources", "cannot read " + file + " as UTF-8 text (" + e.getClass().getSimpleName() + ")");
    }
    List<String> names = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    Path dir = file.toAbsolutePath().getParent();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (sources.size() == MAX_SOURCES) {
        throw new RuleViolation("--sources", file + " lists more than " + MAX_SOURCES + " sources");
      }
      String where = "line " + (i + 1) + ": ";
      if (line.contains("://")) {
        sources.add(new HttpSource(loopbackUrl(line, where)));
      } else {
        Path path;
        try {
          path = dir.resolve(line);
        } catch (java.nio.file.InvalidPathException e) {
          throw new RuleViolation("--sources", where + "not a valid path (" + line + ")");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
          throw new RuleViolation("--sources", where + path + " is not a regular file (a directory, FIFO or device never answers)");
        }
        sources.add(new FileSource(path));
      }
      names.add(line);
    }
    if (sources.isEmpty()) {
      throw new RuleViolation("--sources", file + " lists no price source (one file path or loopback URL a line)");
    }
    return new AgentPriceSources(names, sources);
  }

  private static URI loopbackUrl(String line, String where) {
    URI uri;
    try {
      uri = new URI(line);
    } catch (URISyntaxException e) {
      throw new RuleViolation("--sources", where + "not a valid URL (" + line + ")");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || !LOOPBACK.contains(uri.getHost())) {
      throw new RuleViolation("--sources", where + "only http:// endpoints on loopback (127.0.0.1, localhost) are allowed, was " + line);
    }
    if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
      throw new RuleViolation("--sources", where + "port must be between 1 and 65535 (was " + uri.getPort() + ")");
    }
    if (uri.getUserInfo() != null) {
      throw new RuleViolation("--sources", where + "no user name or password in a source URL");
    }
    return uri;
  }

  @Override
  public List<String> sources() {
    return names;
  }

  @Override
  public Optional<Price> read(int index) {
    byte[] answer;
    try {
      answer = switch (sources.get(index)) {
        case FileSource f -> readFile(f.path());
        case HttpSource h -> fetch(h.uri());
      };
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return answer == null ? Optional.empty() : parse(answer);
  }

  /** One plain decimal price, positive, in at most {@link #MAX_ANSWER_BYTES} of ASCII. */
  static Optional<Price> parse(byte[] answer) {
    String text = new String(answer, StandardCharsets.US_ASCII);
    var m = PRICE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Price p = Price.parse(m.group(1), "price");
      return p.isPositive() ? Optional.of(p) : Optional.empty();
    } catch (RuleViolation e) {
      return Optional.empty();
    }
  }

  private static byte[] readFile(Path path) throws IOException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    if (!a.isRegularFile() || a.size() > MAX_ANSWER_BYTES) {
      return null;
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
      return bytes.length > MAX_ANSWER_BYTES ? null : bytes;
    }
  }

  private byte[] fetch(URI uri) {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(DEADLINE).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(DEADLINE).GET().build();
    CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, info -> info.statusCode() == 200
        ? new CappedBody(MAX_ANSWER_BYTES) : HttpResponse.BodySubscribers.replacing(null));
    try {
      // One deadline for everything: connect, headers and the whole body.
      HttpResponse<byte[]> r = response.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      return r.statusCode() == 200 ? r.body() : null;
    } catch (TimeoutException | ExecutionException e) {
      response.cancel(true);
      return null;
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Collects a body of at most {@code cap} bytes; a longer one fails and is cancelled. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
      this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (bytes.size() + b.remaining() > cap) {
          subscription.cancel();
          result.completeExceptionally(new IOException("answer longer than " + cap + " bytes"));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
