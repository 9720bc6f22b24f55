package noliq.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import noliq.node.engine.FsyncPolicy;
import noliq.node.engine.Json;

/**
 * The node's load benchmark (a benchmark, not a test): a bounded, closed-loop generator on loopback.
 * {@code clients} clients, each with its own account and API key, send one command at a time
 * through the HTTP API (place an order, cancel it, split, merge, in a seeded mix) to a node started
 * here on a fresh journal (fsync ALWAYS unless told, bots off, rate limit off). Each client keeps at most {@value #MAX_RESTING} orders
 * resting, so the market's state stays bounded. Every 10 s and at the end it prints commands a second, p50/p99/max latency (from a histogram of 1/8-decade buckets
 * from 1 µs) and the heap used after a GC, so that a flat memory line can be seen over a long run.
 *
 * <p>{@code java -cp noliq.jar noliq.node.LoadGenerator [--clients 16] [--seconds 60] [--fsync ALWAYS|OS] [--seed 1] [--direct true]}
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  static final int BUCKETS = 8 * 8;
  /** Each client keeps at most this many orders resting (it cancels its oldest), so the book's size is bounded. */
  static final int MAX_RESTING = 20;

  static int bucket(long nanos) {
    double micros = Math.max(1, nanos / 1000.0);
    return (int) Math.min(BUCKETS - 1, Math.floor(Math.log10(micros) * 8));
  }

  static double bucketMillis(int b) {
    return Math.pow(10, (b + 1) / 8.0) / 1000.0; // the bucket's upper edge
  }

  public static void main(String[] args) throws Exception {
    int clients = 16;
    int seconds = 60;
    long seed = 1;
    FsyncPolicy fsync = FsyncPolicy.ALWAYS;
    boolean direct = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--fsync" -> fsync = FsyncPolicy.valueOf(args[i + 1]);
        case "--direct" -> direct = Boolean.parseBoolean(args[i + 1]);
        default -> throw new noliq.math.RuleViolation(args[i], "is not an option of the load generator");
      }
    }
    if (clients < 1 || clients > 1024 || seconds < 1 || seconds > 86_400) {
      throw new noliq.math.RuleViolation("--clients", "clients in [1, 1024] and seconds in [1, 86400]");
    }
    Path dir = Files.createTempDirectory("noliq-load");
    NodeConfig cfg = NodeConfig.defaults(dir).withPort(0).withBots(false).withRate(1e6).withFsync(fsync);
    try (Node node = Node.start(cfg)) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      String base = node.url().substring(0, node.url().length() - 1);
      String series = Json.MAPPER.readTree(get(http, base + "/api/series")).get(0).get("id").asText();
      AtomicLongArray hist = new AtomicLongArray(BUCKETS);
      noliq.node.engine.Engine directEngine = direct ? node.engine() : null;
      AtomicLongArray errors = new AtomicLongArray(1);
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        String key = Json.MAPPER.readTree(post(http, base + "/api/accounts", null, "{}", "load-acct-" + c))
            .get("apiKey").asText();
        SplittableRandom rng = new SplittableRandom(seed * 1000 + c);
        int client = c;
        threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
          long n = 0;
          java.util.ArrayDeque<Long> resting = new java.util.ArrayDeque<>();
          while (System.nanoTime() < deadline) {
            String path;
            String body;
            int pick = rng.nextInt(4);
            if ((pick == 1 && !resting.isEmpty()) || resting.size() >= MAX_RESTING) {
              path = "/api/orders/cancel";
              body = "{\"series\":\"" + series + "\",\"leg\":\"P\",\"order\":" + resting.pollFirst() + "}";
            } else if (pick == 2) {
              path = "/api/split";
              body = "{\"series\":\"" + series + "\",\"amount\":\"0.01\"}";
            } else if (pick == 3) {
              path = "/api/merge";
              body = "{\"series\":\"" + series + "\",\"amount\":\"0.005\"}";
            } else {
              path = "/api/orders";
              boolean buy = rng.nextBoolean();
              // bids under 0.45 and asks over 0.55 never cross: each order rests, as quoting makers' do
              String limit = buy ? "0.4" + rng.nextInt(5) : "0.5" + (6 + rng.nextInt(4));
              body = "{\"series\":\"" + series + "\",\"leg\":\"P\",\"side\":\"" + (buy ? "BUY" : "SELL")
                  + "\",\"limit\":\"" + limit + "\",\"amount\":\"0.01\"}";
            }
            long t0 = System.nanoTime();
            try {
              String out = directEngine != null ? direct(directEngine, path, body, "user:" + client, "load-" + client + "-" + n++)
                  : post(http, base + path, key, body, "load-" + client + "-" + n++);
              hist.incrementAndGet(bucket(System.nanoTime() - t0));
              if (path.equals("/api/orders")) {
                long id = Json.MAPPER.readTree(out).path("result").path("placed").path("orderId").asLong(0);
                if (id > 0) {
                  resting.addLast(id);
                }
              }
            } catch (RuntimeException | IOException e) {
              errors.incrementAndGet(0);
            }
          }
        }));
      }
      long start = System.nanoTime();
      long[] before = new long[BUCKETS];
      System.out.printf("load: %d clients, %d s, fsync %s, journal %s%n", clients, seconds, fsync, dir);
      while (System.nanoTime() < deadline) {
        Thread.sleep(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        report(hist, before, start, errors.get(0), false);
      }
      for (Thread t : threads) {
        t.join();
      }
      long[] zero = new long[BUCKETS];
      System.out.print("total: ");
      report(hist, zero, start, errors.get(0), true);
    }
  }

  private static void report(AtomicLongArray hist, long[] before, long start, long errors, boolean total) {
    long[] now = new long[BUCKETS];
    long count = 0;
    for (int i = 0; i < BUCKETS; i++) {
      now[i] = hist.get(i) - before[i];
      count += now[i];
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(Locale.ROOT, "%6.0f s: %8d commands, p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d, heap after GC %d MB%n",
        secs, count, quantile(now, count, 0.5), quantile(now, count, 0.99), quantile(now, count, 1.0), errors,
        heap >> 20);
    System.out.printf(Locale.ROOT, "        %.0f commands/s in this interval%n", count / (total ? secs : Math.min(10.0, secs)));
    for (int i = 0; i < BUCKETS; i++) {
      before[i] = hist.get(i);
    }
  }

  static double quantile(long[] h, long count, double q) {
    long rank = (long) Math.ceil(q * count);
    long seen = 0;
    for (int i = 0; i < h.length; i++) {
      seen += h[i];
      if (seen >= rank && h[i] > 0) {
        return bucketMillis(i);
      }
    }
    return 0;
  }

  /** {@code --direct true}: the same commands straight to the engine, without HTTP, to see what the writer alone sustains. */
  private static String direct(noliq.node.engine.Engine e, String path, String body, String account, String idem)
      throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode obj = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(body);
    obj.put("account", account);
    obj.put("type", switch (path) {
      case "/api/orders/cancel" -> "cancel-order";
      case "/api/split" -> "split";
      case "/api/merge" -> "merge";
      default -> "place-order";
    });
    noliq.node.engine.Outcome o = e.submit(Json.MAPPER.treeToValue(obj, noliq.node.engine.Command.class), idem).join();
    return Json.text(java.util.Map.of("result", o.result() == null ? java.util.Map.of() : o.result()));
  }

  private static String get(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String post(HttpClient http, String url, String key, String body, String idem) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Idempotency-Key", idem).POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 500) {
        throw new IOException("HTTP " + r.statusCode());
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
