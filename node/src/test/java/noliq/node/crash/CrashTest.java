package noliq.node.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import noliq.node.engine.Entry;
import noliq.node.engine.Journal;
import noliq.node.engine.Market;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the node's engine with SIGKILL ({@code destroyForcibly}, kill -9 on Linux) at random
 * moments under load from several clients, restarts it, and checks each time that:
 * every command acknowledged before the kill is in the journal at the position it was acknowledged
 * with; the journal holds only whole, checksummed entries (a torn tail is cut off); and the state
 * the restarted node reports after its replay equals a clean fold of the journal by this test.
 *
 * <p>{@code -Dnoliq.crash.kills=N} sets the number of kills (default 10, under a minute, inside
 * {@code ./mvnw verify}); CI runs it again with 1,000 as its own step ({@code .ci/run}). Journals
 * are started afresh every {@value #KILLS_PER_JOURNAL} kills so that a replay stays short.
 */
class CrashTest {
  static final int KILLS_PER_JOURNAL = 50;
  static final int CLIENTS = 4;

  @TempDir Path root;

  @Test
  void noAcknowledgedCommandIsLostAndStateIsACleanReplay() throws Exception {
    int kills = Integer.getInteger("noliq.crash.kills", 10);
    long seed = Long.getLong("noliq.crash.seed", 20261201L);
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, Long> acked = new HashMap<>();
    long totalAcks = 0;
    long totalEntries = 0;
    int restarts = 0;
    Path dir = null;
    for (int k = 0; k < kills; k++) {
      if (k % KILLS_PER_JOURNAL == 0) {
        dir = Files.createDirectories(root.resolve("j" + k / KILLS_PER_JOURNAL));
        acked.clear();
      }
      List<Entry> journal = Journal.readAll(dir.resolve("journal.bin"));
      Set<String> journaled = new HashSet<>();
      for (Entry e : journal) {
        if (e.idem() != null) {
          journaled.add(e.idem() + "@" + e.seq());
        }
      }
      for (Map.Entry<String, Long> a : acked.entrySet()) {
        assertThat(journaled).as("kill %d: acknowledged %s at %d must be journaled there", k, a.getKey(), a.getValue())
            .contains(a.getKey() + "@" + a.getValue());
      }
      long t0 = System.nanoTime();
      Market clean = new Market();
      journal.forEach(clean::apply);
      String expected = journal.isEmpty() ? null : clean.digest();

      Process p = new ProcessBuilder(javaBin(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"), CrashTarget.class.getName(), dir.toString(),
          Long.toString(seed + k), Integer.toString(CLIENTS))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      long t1 = System.nanoTime();
      String ready = in.readLine();
      long t2 = System.nanoTime();
      if (Boolean.getBoolean("noliq.crash.verbose")) {
        System.out.printf("kill %d: fold %d ms, start+replay %d ms, journal %d%n", k, (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000, journal.size());
      }
      assertThat(ready).as("kill %d: the node must start", k).startsWith("ready ");
      String[] parts = ready.split(" ");
      if (expected != null) {
        assertThat(parts[1]).as("kill %d: the state after replay is the fold of the journal", k).isEqualTo(expected);
        assertThat(Long.parseLong(parts[2])).isEqualTo(journal.size());
      }
      restarts++;
      totalEntries = journal.size();
      long killAfter = 20 + rng.nextInt(400);
      Thread reader = Thread.ofPlatform().start(() -> {
        try {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.startsWith("ack ")) {
              String[] a = line.split(" ");
              if (a.length == 3) {
                synchronized (acked) {
                  acked.put(a[2], Long.parseLong(a[1]));
                }
              }
            }
          }
        } catch (java.io.IOException closed) {
          // the process died
        }
      });
      Thread.sleep(killAfter);
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      totalAcks += acked.size();
    }
    System.out.printf("crash test: %d kills (SIGKILL), %d restarts checked, last journal %d entries, seed %d%n",
        kills, restarts, totalEntries, seed);
    assertThat(restarts).isEqualTo(kills);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
