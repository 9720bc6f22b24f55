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
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import noliq.math.RuleViolation;
import noliq.node.engine.FsyncPolicy;
import noliq.node.engine.Json;

/**
 * The node's load benchmark (a benchmark, not a test): a bounded, closed-loop generator on loopback.
 * {@code clients} clients, each with its own account and API key, send one command at a time
 * through the HTTP API (place an order, cancel it, split, merge, in a seeded mix) to a node started
 * here on a fresh journal (fsync ALWAYS unless told, bots off, rate limit off). Each client keeps at most {@value #MAX_RESTING} orders
 * resting, so the market's state stays bounded. Every 10 s and at the end it prints commands a second, p50/p99/max latency (from a histogram of 1/8-decade buckets
 * from 1 µs) and the heap left after the collections of the interval (read from the collector's notifications,
 * never by forcing a collection: a forced full GC stops the node and would be measured as its latency), so
 * that a flat memory line can be seen over a long run.
 *
 * <p>{@code --batch N} sends N commands a request through {@code POST /api/batch} (each command's latency is
 * its request's).
 *
 * <p>Latency and coordinated omission. Each client has at most one request in flight. Closed loop (the
 * default) a client sends its next request when the last is answered, and a command's latency is
 * measured from when it was sent: when the node stalls the clients stop sending, so a stall is counted
 * once rather than for every command that would have been sent meanwhile (coordinated omission), and
 * the quantiles flatter the node. {@code --rate R} paces the clients at R commands a second in all
 * (each sends its k-th request at start + k x its interval) and measures each command from when it was
 * due to be sent, not from when it went (as wrk2 does): a stall then counts against every command it
 * delayed. A client that falls behind sends at once, still one request at a time, so the work in
 * flight stays bounded by the clients, and its lateness is in the figures.
 *
 * <p>At the end it prints the journal's group commit: how many forces (groups) carried the commands,
 * and the write-and-force time per group, which bounds a command's latency from below under fsync ALWAYS.
 * {@code --journal-dir} puts the journal on a chosen file system (to show how the latency moves with its
 * force time). {@code --warmup S} runs S seconds first, not measured, in the same mode as the measured
 * run (the JIT compiles the hot path, and the collector sizes its heap to the load: a warm-up at another
 * rate leaves the measured run's first seconds to carry the change).
 * {@code java -cp noliq.jar noliq.node.LoadGenerator [--clients 16] [--seconds 60] [--fsync ALWAYS|OS]
 * [--seed 1] [--direct true] [--batch 1] [--rate 0] [--journal-dir DIR] [--warmup 0]}
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  /** Each client keeps at most this many orders resting (it cancels its oldest), so the book's size is bounded. */
  static final int MAX_RESTING = 20;

  /** The generator's settings, each in its stated range. */
  record Options(int clients, int seconds, long seed, FsyncPolicy fsync, boolean direct, int batch, double rate,
      Path journalDir, int warmup) {
    Options {
      requireIn("--clients", clients, 1, 1024);
      requireIn("--seconds", seconds, 1, 86_400);
      requireIn("--warmup", warmup, 0, 3_600);
      requireIn("--batch", batch, 1, 256);
      if (!(rate >= 0) || rate > 10_000_000) {
        throw new RuleViolation("--rate", "must be in [0, 10000000] commands a second, 0 for a closed loop (was " + rate + ")");
      }
    }

    /** Parses {@code --name value} pairs; a bad or unknown one is refused naming the option and its rule. */
    static Options parse(String[] args) {
      if (args.length % 2 != 0) {
        throw new RuleViolation(args[args.length - 1], "needs a value");
      }
      int clients = 16;
      int seconds = 60;
      long seed = 1;
      FsyncPolicy fsync = FsyncPolicy.ALWAYS;
      boolean direct = false;
      int batch = 1;
      double rate = 0;
      Path journalDir = null;
      int warmup = 0;
      for (int i = 0; i < args.length; i += 2) {
        String name = args[i];
        String value = args[i + 1];
        switch (name) {
          case "--clients" -> clients = integer(name, value);
          case "--seconds" -> seconds = integer(name, value);
          case "--seed" -> seed = longInteger(name, value);
          case "--fsync" -> fsync = fsync(value);
          case "--direct" -> direct = bool(name, value);
          case "--batch" -> batch = integer(name, value);
          case "--rate" -> rate = decimal(name, value);
          case "--journal-dir" -> journalDir = directory(name, value);
          case "--warmup" -> warmup = integer(name, value);
          default -> throw new RuleViolation(name, "is not an option of the load generator");
        }
      }
      return new Options(clients, seconds, seed, fsync, direct, batch, rate, journalDir, warmup);
    }

    private static double decimal(String field, String value) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new RuleViolation(field, "must be a number (was '" + value + "')");
      }
    }

    private static Path directory(String field, String value) {
      Path p = Path.of(value);
      if (!Files.isDirectory(p) || !Files.isWritable(p)) {
        throw new RuleViolation(field, "must be a writable directory (was '" + value + "')");
      }
      return p;
    }

    private static void requireIn(String field, int value, int min, int max) {
      if (value < min || value > max) {
        throw new RuleViolation(field, "must be in [" + min + ", " + max + "] (was " + value + ")");
      }
    }

    private static int integer(String field, String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new RuleViolation(field, "must be a whole number (was '" + value + "')");
      }
    }

    private static long longInteger(String field, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new RuleViolation(field, "must be a whole number (was '" + value + "')");
      }
    }

    private static FsyncPolicy fsync(String value) {
      try {
        return FsyncPolicy.valueOf(value);
      } catch (IllegalArgumentException e) {
        throw new RuleViolation("--fsync", "must be one of " + java.util.Arrays.toString(FsyncPolicy.values()) + " (was '" + value + "')");
      }
    }

    private static boolean bool(String field, String value) {
      return switch (value) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new RuleViolation(field, "must be true or false (was '" + value + "')");
      };
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (RuleViolation e) {
      System.err.println("LoadGenerator: " + e.field() + ": " + e.rule());
      System.exit(2);
      return;
    }
    int clients = options.clients();
    int seconds = options.seconds();
    long seed = options.seed();
    FsyncPolicy fsync = options.fsync();
    boolean direct = options.direct();
    int batch = options.batch();
    int perRequest = batch;
    Path dir = options.journalDir() == null ? Files.createTempDirectory("noliq-load")
        : Files.createTempDirectory(options.journalDir(), "noliq-load");
    // paced: each client's k-th request is due at start + k * interval (0: closed loop)
    long intervalNanos = options.rate() == 0 ? 0 : (long) (1e9 * perRequest * clients / options.rate());
    forceProbe(dir);
    NodeConfig cfg = NodeConfig.defaults(dir).withPort(0).withBots(false).withRate(1e6).withFsync(fsync);
    try (Node node = Node.start(cfg)) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      String base = node.url().substring(0, node.url().length() - 1);
      String series = Json.MAPPER.readTree(get(http, base + "/api/series")).get(0).get("id").asText();
      // each command's latency in nanoseconds, to 3 significant digits; read an interval at a time
      Recorder hist = new Recorder(3);
      noliq.node.engine.Engine directEngine = direct ? node.engine() : null;
      AtomicLongArray errors = new AtomicLongArray(1);
      long begin = System.nanoTime() + 200_000_000L;
      // the warm-up runs in the measured run's mode (closed loop or paced) and is not measured
      long measured = begin + options.warmup() * 1_000_000_000L;
      long deadline = measured + seconds * 1_000_000_000L;
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        String key = Json.MAPPER.readTree(post(http, base + "/api/accounts", null, "{}", "load-acct-" + c))
            .get("apiKey").asText();
        SplittableRandom rng = new SplittableRandom(seed * 1000 + c);
        int client = c;
        threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
          long n = 0;
          java.util.ArrayDeque<Long> resting = new java.util.ArrayDeque<>();
          // the clients' due times are staggered across one interval, so paced requests do not arrive in bursts
          long due = begin + intervalNanos * client / clients;
          java.util.concurrent.locks.LockSupport.parkNanos(begin - System.nanoTime());
          while (System.nanoTime() < deadline) {
            List<String[]> cmds = new ArrayList<>(perRequest);
            for (int b = 0; b < perRequest; b++) {
              cmds.add(next(rng, resting, series));
            }
            long t0;
            // a paced request belongs to the warm-up if it was due in it, whenever it went
            boolean warming = (intervalNanos > 0 ? due : System.nanoTime()) < measured;
            if (intervalNanos > 0) {
              while (System.nanoTime() < due) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
              }
              t0 = due;
              due += intervalNanos;
            } else {
              t0 = System.nanoTime();
            }
            try {
              List<Long> placed;
              String idem = "load-" + client + "-" + n++;
              if (directEngine != null) {
                placed = direct(directEngine, cmds, "user:" + client, idem);
              } else if (perRequest == 1) {
                String out = post(http, base + cmds.get(0)[0], key, cmds.get(0)[2], idem);
                placed = List.of(Json.MAPPER.readTree(out).path("result").path("placed").path("orderId").asLong(0));
              } else {
                StringBuilder body = new StringBuilder("{\"commands\":[");
                for (int b = 0; b < cmds.size(); b++) {
                  String one = cmds.get(b)[2];
                  body.append(b == 0 ? "" : ",").append("{\"type\":\"").append(cmds.get(b)[1]).append("\",")
                      .append(one, 1, one.length());
                }
                String out = post(http, base + "/api/batch", key, body.append("]}").toString(), idem);
                placed = new ArrayList<>();
                for (JsonNode o : Json.MAPPER.readTree(out).path("outcomes")) {
                  placed.add(o.path("result").path("placed").path("orderId").asLong(0));
                }
              }
              if (!warming) {
                hist.recordValueWithCount(System.nanoTime() - t0, perRequest);
              }
              for (long id : placed) {
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
      if (options.warmup() > 0) {
        System.out.printf("warm-up: %d s, not measured%n", options.warmup());
      }
      while (System.nanoTime() < measured) {
        java.util.concurrent.locks.LockSupport.parkNanos(measured - System.nanoTime());
      }
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      noliq.node.engine.Engine.GroupCommits journalStart = node.engine().groupCommits();
      hist.reset();
      Histogram whole = new Histogram(3);
      System.out.printf(Locale.ROOT, "load: %d clients, %d s, batch %d, %s, fsync %s, journal %s, load average %.2f%n",
          clients, seconds, perRequest, intervalNanos == 0 ? "closed loop" : "paced at " + options.rate() + " commands/s",
          fsync, dir, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      long since = start;
      while (System.nanoTime() < deadline) {
        Thread.sleep(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        report(hist, whole, start, since, errors.get(0), false);
        since = System.nanoTime();
      }
      for (Thread t : threads) {
        t.join();
      }
      // the requests in flight at the deadline count in the total
      whole.add(hist.getIntervalHistogram());
      System.out.print("total: ");
      report(null, whole, start, start, errors.get(0), true);
      long total = whole.getTotalCount();
      System.out.printf(Locale.ROOT, "process cpu per command: %.1f us (node and load clients together)%n",
          (processCpuNanos() - cpuStart) / 1e3 / Math.max(1, total));
      cpuPerCommand(total);
      noliq.node.engine.Engine.GroupCommits journalEnd = node.engine().groupCommits();
      Histogram commit = journalEnd.commitNanos();
      commit.subtract(journalStart.commitNanos());
      long groups = journalEnd.groups() - journalStart.groups();
      System.out.printf(Locale.ROOT, "group commit: %d entries in %d groups (%.1f a group); a group's write%s p50 %.2f ms, "
          + "p99 %.2f ms, max %.2f ms%n", journalEnd.entries() - journalStart.entries(), groups,
          (journalEnd.entries() - journalStart.entries()) / (double) Math.max(1, groups),
          fsync == FsyncPolicy.ALWAYS ? " and force" : "", millis(commit, 50),
          millis(commit, 99), millis(commit, 100));
    }
  }

  /**
   * The disk's own force time where the journal goes, before the node starts: {@value #PROBES} appends of
   * 200 bytes, each forced (what a group commit of one command costs). Under fsync ALWAYS no command is
   * acknowledged faster than one such force, so this bounds the node's latency from below.
   */
  static void forceProbe(Path dir) throws IOException {
    Path probe = Files.createTempFile(dir, "force-probe", ".bin");
    Histogram h = new Histogram(3);
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(probe,
        java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(200);
      for (int i = 0; i < PROBES; i++) {
        b.clear();
        long t0 = System.nanoTime();
        ch.write(b);
        ch.force(false);
        h.recordValue(System.nanoTime() - t0);
      }
    } finally {
      Files.deleteIfExists(probe);
    }
    System.out.printf(Locale.ROOT, "disk: %d forced appends of 200 B in %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        PROBES, dir, millis(h, 50), millis(h, 99), millis(h, 100));
  }

  static final int PROBES = 500;

  /** The heap's live-set readings, taken from the collector's own notifications from the start of main. */
  private static final HeapAfterGc HEAP = HeapAfterGc.listen();

  /**
   * Prints an interval's line: the commands since the last line and their quantiles (folded into
   * {@code whole} as well), or with {@code total} the whole run's.
   */
  private static void report(Recorder hist, Histogram whole, long start, long since, long errors, boolean total) {
    Histogram now;
    if (total) {
      now = whole;
    } else {
      now = hist.getIntervalHistogram();
      whole.add(now);
    }
    long count = now.getTotalCount();
    long at = System.nanoTime();
    double secs = (at - start) / 1e9;
    HeapAfterGc.Interval heap = total ? HEAP.run() : HEAP.interval();
    System.out.printf(Locale.ROOT, "%6.0f s: %8d commands, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, errors %d, %s,"
        + " load average %.2f%n", secs, count, millis(now, 50), millis(now, 99), millis(now, 99.9), millis(now, 100), errors,
        heap, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "        %.0f commands/s in this interval%n", count / ((at - since) / 1e9));
  }

  /** A percentile of a histogram of nanoseconds, in milliseconds (the highest value equivalent to it at 3 digits: never understated). */
  static double millis(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.highestEquivalentValue(h.getValueAtPercentile(percentile)) / 1e6;
  }

  /**
   * CPU time per command by thread role (server, writer, load clients), from the JVM's per-thread
   * CPU clocks: on a shared machine this, not the wall-clock rate, says what the node's own work costs.
   */
  private static void cpuPerCommand(long commands) {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> byRole = new java.util.TreeMap<>();
    for (long id : mx.getAllThreadIds()) {
      java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
      long cpu = mx.getThreadCpuTime(id);
      if (info == null || cpu <= 0) {
        continue;
      }
      String name = info.getThreadName();
      String role = name.startsWith("noliq-writer") ? "writer" : name.startsWith("load-") || name.startsWith("HttpClient")
          ? "load clients" : name.startsWith("JettyServerThreadPool") || name.startsWith("qtp") ? "http server" : "other";
      byRole.merge(role, cpu, Long::sum);
    }
    StringBuilder sb = new StringBuilder("cpu per command (live threads):");
    byRole.forEach((role, nanos) -> sb.append(String.format(Locale.ROOT, " %s %.1f us;", role, nanos / 1e3 / Math.max(1, commands))));
    System.out.println(sb);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * The next command of a client's seeded mix: {path, type, body}. Cancels pick from the orders it
   * knows rest (an order placed in the same request is not known yet), placing stops at {@value #MAX_RESTING}.
   */
  private static String[] next(SplittableRandom rng, java.util.ArrayDeque<Long> resting, String series) {
    int pick = rng.nextInt(4);
    if ((pick == 1 && !resting.isEmpty()) || resting.size() >= MAX_RESTING) {
      return new String[] {"/api/orders/cancel", "cancel-order",
          "{\"series\":\"" + series + "\",\"leg\":\"P\",\"order\":" + resting.pollFirst() + "}"};
    } else if (pick == 2) {
      return new String[] {"/api/split", "split", "{\"series\":\"" + series + "\",\"amount\":\"0.01\"}"};
    } else if (pick == 3) {
      return new String[] {"/api/merge", "merge", "{\"series\":\"" + series + "\",\"amount\":\"0.005\"}"};
    }
    boolean buy = rng.nextBoolean();
    // bids under 0.45 and asks over 0.55 never cross: each order rests, as quoting makers' do
    String limit = buy ? "0.4" + rng.nextInt(5) : "0.5" + (6 + rng.nextInt(4));
    return new String[] {"/api/orders", "place-order", "{\"series\":\"" + series + "\",\"leg\":\"P\",\"side\":\""
        + (buy ? "BUY" : "SELL") + "\",\"limit\":\"" + limit + "\",\"amount\":\"0.01\"}"};
  }

  /** {@code --direct true}: the same commands straight to the engine, without HTTP, to see what the writer alone sustains. */
  private static List<Long> direct(noliq.node.engine.Engine e, List<String[]> cmds, String account, String idem)
      throws IOException {
    List<noliq.node.engine.Command> list = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (String[] c : cmds) {
      com.fasterxml.jackson.databind.node.ObjectNode obj = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(c[2]);
      obj.put("account", account);
      obj.put("type", c[1]);
      list.add(Json.MAPPER.treeToValue(obj, noliq.node.engine.Command.class));
      keys.add(idem + "#" + keys.size());
    }
    List<Long> placed = new ArrayList<>();
    for (noliq.node.engine.Outcome o : e.submitAll(list, keys).join()) {
      placed.add(o.result() instanceof noliq.market.book.OrderBook.Placement p ? p.placed().orderId() : 0L);
    }
    return placed;
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
