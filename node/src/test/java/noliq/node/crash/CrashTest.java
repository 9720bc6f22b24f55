package noliq.node.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import noliq.node.engine.Entry;
import noliq.node.engine.Journal;
import noliq.node.engine.Json;
import noliq.node.engine.Market;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills real node processes with SIGKILL ({@code destroyForcibly}, kill -9 on Linux) at random
 * moments under load, from in-process clients and from this test over HTTP, restarts them, and
 * checks each time that: every command acknowledged before the kill (an {@code ack} line, or an HTTP
 * 200/422 answer) is in the journal at the position it was acknowledged with; the journal holds only
 * whole, checksummed entries and never loses or changes an entry it held before; and the state the
 * restarted node reports after its restore (latest snapshot + journal tail) equals this test's clean
 * fold of the journal.
 *
 * <p>Each kill is made cheap: {@value #WORKERS} workers kill their own node processes in parallel on
 * separate journals; the node's JVM uses C1 only, a serial GC and a class-data archive written by one
 * clean warm-up run; the market is tiny; a snapshot every {@value #SNAPSHOT_EVERY} entries keeps a
 * restart's replay short, and this test folds each journal incrementally. {@code -Dnoliq.crash.kills=N}
 * sets the number of kills (default 8, inside {@code ./mvnw verify}; 1,000 for the full run).
 */
class CrashTest {
  static final int KILLS_PER_JOURNAL = 50;
  static final int CLIENTS = 3;
  static final int WORKERS = Integer.getInteger("noliq.crash.workers", 2);
  static final long SNAPSHOT_EVERY = 500;

  @TempDir Path root;
  private final AtomicLong startMillis = new AtomicLong();

  @Test
  void noAcknowledgedCommandIsLostAndStateIsACleanReplay() throws Exception {
    int kills = Integer.getInteger("noliq.crash.kills", 8);
    long seed = Long.getLong("noliq.crash.seed", 20261201L);
    long t0 = System.nanoTime();
    Path archive = root.resolve("crash.jsa");
    warmUp(archive);
    System.out.printf("crash test: class-data archive %s%n", Files.exists(archive) ? Files.size(archive) / 1024 + " KB"
        : "not written (the JVM could not; runs go without)");
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<long[]>> results = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int worker = w;
      int share = kills / WORKERS + (w < kills % WORKERS ? 1 : 0);
      results.add(pool.submit(() -> work(worker, share, seed, archive)));
    }
    long checked = 0;
    long httpAcks = 0;
    long acks = 0;
    for (Future<long[]> f : results) {
      long[] r = f.get();
      checked += r[0];
      acks += r[1];
      httpAcks += r[2];
    }
    pool.shutdown();
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("crash test: %d kills (SIGKILL) by %d workers in %.0f s (%.2f s a kill), %d restarts checked, "
        + "%d acknowledged commands checked (%d over HTTP), seed %d%n", kills, WORKERS, secs, secs / Math.max(1, kills),
        checked, acks, httpAcks, seed);
    System.out.printf("crash test: a restart (JVM start, restore, API up) took %.2f s on average%n",
        startMillis.get() / 1e3 / Math.max(1, kills));
    assertThat(checked).isEqualTo(kills);
    assertThat(httpAcks).as("commands acknowledged over HTTP were among those checked").isPositive();
  }

  private String classPath;

  /**
   * Packs the class directories of the test's class path into one jar (the JVM archives classes only
   * from jars), then makes one clean run that exits normally, so that the JVM writes the class-data
   * archive every killed run maps instead of loading and verifying its classes afresh.
   */
  private void warmUp(Path archive) throws Exception {
    Path jar = root.resolve("crash-app.jar");
    List<String> parts = new ArrayList<>(List.of(jar.toString()));
    java.util.Set<String> names = new java.util.HashSet<>();
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        Path p = Path.of(entry);
        if (!Files.isDirectory(p)) {
          parts.add(entry);
          continue;
        }
        try (var files = Files.walk(p)) {
          for (Path f : files.filter(f -> !f.equals(p)).sorted().toList()) {
            // directories too: a resource directory (the page's /web) is looked up as one
            boolean folder = Files.isDirectory(f);
            String name = p.relativize(f).toString().replace(java.io.File.separatorChar, '/') + (folder ? "/" : "");
            if (names.add(name)) {
              out.putNextEntry(new java.util.jar.JarEntry(name));
              if (!folder) {
                Files.copy(f, out);
              }
              out.closeEntry();
            }
          }
        }
      }
    }
    classPath = String.join(java.io.File.pathSeparator, parts);
    Process p = new ProcessBuilder(command(archive, List.of("warmup"))).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the warm-up run ends").isTrue();
  }

  private List<String> command(Path archive, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-cp", classPath, CrashTarget.class.getName()));
    cmd.addAll(args);
    return cmd;
  }

  /** One worker's kills on its own journals: {checked restarts, acknowledged commands checked, of them over HTTP}. */
  private long[] work(int worker, int kills, long seed, Path archive) throws Exception {
    SplittableRandom rng = new SplittableRandom(seed * 1_000 + worker);
    Map<String, Long> acked = new ConcurrentHashMap<>();
    AtomicLong httpAcked = new AtomicLong();
    long checkedAcks = 0;
    long checkedHttp = 0;
    Market clean = new Market();
    List<Entry> seen = new ArrayList<>();
    Path dir = null;
    long restarts = 0;
    for (int k = 0; k < kills; k++) {
      if (k % KILLS_PER_JOURNAL == 0) {
        dir = Files.createDirectories(root.resolve("w" + worker + "-j" + k / KILLS_PER_JOURNAL));
        acked.clear();
        clean = new Market();
        seen = new ArrayList<>();
      }
      String at = "worker " + worker + ", kill " + k;
      List<Entry> journal = Journal.readAll(dir.resolve("journal.bin"));
      assertThat(journal.size()).as("%s: the journal never shrinks", at).isGreaterThanOrEqualTo(seen.size());
      assertThat(journal.subList(0, seen.size())).as("%s: the journal never changes an entry it held", at)
          .isEqualTo(seen);
      for (Map.Entry<String, Long> a : acked.entrySet()) {
        long s = a.getValue();
        assertThat(s).as("%s: acknowledged %s at %d must be journaled", at, a.getKey(), s).isLessThanOrEqualTo(journal.size());
        assertThat(journal.get((int) (s - 1)).idem()).as("%s: entry %d is the one acknowledged", at, s)
            .isEqualTo(a.getKey());
        checkedAcks++;
        checkedHttp += a.getKey().startsWith("h") ? 1 : 0;
      }
      acked.clear();
      for (Entry e : journal.subList(seen.size(), journal.size())) {
        clean.apply(e);
      }
      seen = journal;
      String expected = journal.isEmpty() ? null : clean.digest();

      Process p = new ProcessBuilder(command(archive, List.of(dir.toString(), Long.toString(seed + 7919L * k + worker),
          Integer.toString(CLIENTS), Long.toString(SNAPSHOT_EVERY))))
          .redirectError(dir.resolve("stderr.txt").toFile()).start();
      BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      long started = System.nanoTime();
      String ready = in.readLine();
      startMillis.addAndGet((System.nanoTime() - started) / 1_000_000);
      Path stderr = dir.resolve("stderr.txt");
      assertThat(ready).as("%s: the node must start (%s)", at, Files.exists(stderr) ? Files.readString(stderr) : "")
          .startsWith("ready ");
      String[] parts = ready.split(" ");
      if (expected != null) {
        assertThat(parts[1]).as("%s: the state after restore is the fold of the journal", at).isEqualTo(expected);
        assertThat(Long.parseLong(parts[2])).isEqualTo(journal.size());
      }
      restarts++;
      if (restarts % 25 == 0) {
        System.out.printf("crash test: worker %d, %d kills checked%n", worker, restarts);
      }
      Thread reader = Thread.ofPlatform().start(() -> {
        try {
          String line;
          while ((line = in.readLine()) != null) {
            String[] a = line.split(" ");
            if (a.length == 3 && a[0].equals("ack")) {
              acked.put(a[2], Long.parseLong(a[1]));
            }
          }
        } catch (java.io.IOException closed) {
          // the process died
        }
      });
      AtomicBoolean stop = new AtomicBoolean();
      int kill = k;
      Thread http = Thread.ofPlatform().start(() -> overHttp(Integer.parseInt(parts[3]), worker, kill, rng.split(), acked,
          httpAcked, stop));
      // the kill falls at a random moment once commands flow over HTTP too (or after 5 s without)
      long firstHttp = System.nanoTime() + 5_000_000_000L;
      long before = httpAcked.get();
      while (httpAcked.get() == before && System.nanoTime() < firstHttp && p.isAlive()) {
        Thread.sleep(5);
      }
      Thread.sleep(rng.nextInt(300));
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      stop.set(true);
      reader.join(10_000);
      http.join(10_000);
    }
    return new long[] {restarts, checkedAcks, checkedHttp};
  }

  /**
   * Sends splits, merges and orders over HTTP as account {@code user:CLIENTS} until the node dies;
   * an answer of 200 (accepted) or 422 (refused by a rule, journaled as such) is an acknowledgement.
   */
  private static void overHttp(int port, int worker, int kill, SplittableRandom rng, Map<String, Long> acked,
      AtomicLong count, AtomicBoolean stop) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String base = "http://127.0.0.1:" + port;
    try {
      String series = Json.MAPPER.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/series")).GET()
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body()).get(0).get("id").asText();
      for (int n = 0; !stop.get(); n++) {
        String[] c = switch (rng.nextInt(3)) {
          case 0 -> new String[] {"/api/split", "{\"series\":\"" + series + "\",\"amount\":\"0.5\"}"};
          case 1 -> new String[] {"/api/merge", "{\"series\":\"" + series + "\",\"amount\":\"0.25\"}"};
          default -> new String[] {"/api/orders", "{\"series\":\"" + series + "\",\"leg\":\"P\",\"side\":\""
              + (rng.nextBoolean() ? "BUY" : "SELL") + "\",\"limit\":\"0." + (40 + rng.nextInt(20)) + "\",\"amount\":\"0.1\"}"};
        };
        String idem = "h" + worker + "-" + kill + "-" + n;
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + c[0])).timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json").header("X-Api-Key", CrashTarget.key(CLIENTS))
            .header("Idempotency-Key", idem).POST(HttpRequest.BodyPublishers.ofString(c[1])).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 || r.statusCode() == 422) {
          acked.put(idem, Json.MAPPER.readTree(r.body()).get("seq").asLong());
          count.incrementAndGet();
        }
      }
    } catch (java.io.IOException | RuntimeException dead) {
      // the node was killed mid-request: that command was not acknowledged
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
