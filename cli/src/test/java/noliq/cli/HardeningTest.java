package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import noliq.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of issue 15: hangs, out-of-memory errors, stack traces, nonsense printed with exit 0 and
 * bad input reported as a failure. Each is now refused in one line, exit 2, naming the option and the rule.
 */
class HardeningTest {
  @TempDir Path tmp;

  /** Refused: exit 2, one line, starting with {@code expected}, nothing on stdout. */
  static void refused(String expected, String... args) {
    Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliTest.run(args), String.join(" ", args));
    String what = String.join(" ", args);
    assertThat(r.exit()).as(what + " -> " + r.err()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().lines().count()).as(what + " -> " + r.err()).isEqualTo(1);
    assertThat(r.err()).as(what).startsWith("noliq: " + expected).doesNotContain("Exception");
    assertThat(r.out()).as(what).isEmpty();
  }

  @Test
  void formerHangsAreRefusedAtOnce() throws Exception {
    refused("--tail: must be between 0 and 2592000", "debt", "maker-auction", "--step", "1", "--tail", "9223372036854775807");
    refused("--tail: must be between 0 and 2592000", "debt", "maker-auction", "--cut", "1", "--step", "1", "--tail", "1000000000000");
    refused("--tail: must be between 0 and 2592000", "debt", "maker-auction", "--cusp", "0", "--step", "1", "--tail", "10000000000");
    refused("--tail: spans at most 1000000 price steps", "debt", "maker-auction", "--step", "1", "--tail", "2592000");
    refused("--step: must be between 1 and 86400", "debt", "maker-auction", "--step", "0");
    refused("argument file @/dev/zero: must be a regular file, not a device", "price", "@/dev/zero");
    refused("--prices: /dev/zero is not a regular file", "compare", "--prices", "/dev/zero", "--out", tmp.resolve("r").toString());
    refused("--steps: must be between 1 and 87600", "bench", "--paths", "1", "--steps", "2147483647");
    Path fifo = tmp.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path sources = tmp.resolve("sources.txt");
    Files.writeString(sources, "fifo\n");
    refused("--sources: line 1: " + fifo + " is not a regular file", "agent", "--policy", "kyrrui-tracker", "--sources",
        sources.toString(), "--once");
    refused("argument file @" + fifo + ": must be a regular file", "price", "@" + fifo);
  }

  @Test
  void anHttpSourceThatDripsIsCutOffAtItsDeadline() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/slow", ex -> {
      ex.sendResponseHeaders(200, 0); // chunked: headers now, then one byte a second
      try (OutputStream body = ex.getResponseBody()) {
        for (int i = 0; i < 30; i++) {
          body.write('1');
          body.flush();
          Thread.sleep(1000);
        }
      } catch (Exception e) {
        // the client hung up: expected
      }
    });
    server.createContext("/long", ex -> {
      byte[] body = ("1800" + " ".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      } catch (Exception e) {
        // the client hung up after the cap: expected
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    }));
    server.start();
    try {
      Files.writeString(tmp.resolve("a.txt"), "1800\n");
      Files.writeString(tmp.resolve("b.txt"), "1801\n");
      Files.writeString(tmp.resolve("c.txt"), "1799\n");
      Path sources = tmp.resolve("sources.txt");
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Files.writeString(sources, "a.txt\nb.txt\nc.txt\n" + base + "/slow\n" + base + "/long\n");
      Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliTest.run("agent", "--policy", "kyrrui-tracker",
          "--sources", sources.toString(), "--k", "5", "--seed", "1", "--once", "--now", WrapperCliTest.NOW, "--json"));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.json().get("asked")).hasSize(5);
      assertThat(r.json().get("answers")).hasSize(3); // the drip and the over-long answer do not count
      assertThat(r.json().get("median").asText()).isEqualTo("1800");
    } finally {
      server.stop(0);
    }
    Path port = tmp.resolve("port.txt");
    Files.writeString(port, "http://127.0.0.1:99999/price\n");
    refused("--sources: line 1: port must be between 1 and 65535 (was 99999)", "agent", "--policy", "kyrrui-tracker",
        "--sources", port.toString(), "--once");
  }

  @Test
  void formerOutOfMemoryErrorsAndStackTracesAreRefused() throws Exception {
    refused("argument file @" + tmp + ": must be a regular file, not a directory", "price", "@" + tmp);
    refused("--config: /dev/zero is not a regular file", "simulate", "--config", "/dev/zero");
    refused("--sources: /dev/zero is not a regular file", "agent", "--policy", "kyrrui-tracker", "--sources", "/dev/zero");
    refused("--paths: must be between 1 and 1000000", "bench", "--paths", "2147483647");
    Path big = tmp.resolve("big.json");
    Files.write(big, new byte[(1 << 20) + 1]);
    refused("--config: " + big + " holds 1048577 bytes, more than the limit of 1048576", "simulate", "--config", big.toString());
    Path nested = tmp.resolve("args");
    Files.writeString(nested, "@" + nested + "\n");
    refused("argument file @" + nested + ": argument files nest more than 4 deep", "price", "@" + nested);
  }

  static final String[] PRICE = {"price", "--spot", "3000", "--strike", "2000", "--days", "90", "--vol", "0.7"};

  static String[] price(String option, String value) {
    List<String> args = new java.util.ArrayList<>(List.of(PRICE));
    int at = args.indexOf(option);
    if (at >= 0) {
      args.set(at + 1, value);
    } else {
      args.addAll(List.of(option, value));
    }
    return args.toArray(String[]::new);
  }

  @Test
  void nonsenseThatUsedToExitZeroIsRefused() throws Exception {
    refused("--days: must be between 0.001 (86.4 seconds) and 36500 days", price("--days", "1e-300"));
    refused("--vol: must be at least 0.001 (0.1%/yr); 0.7 means 70%", price("--vol", "1e-300"));
    refused("--vol: must be at most 10 (1,000%/yr); it is a fraction: 0.7 means 70% (was 70)", price("--vol", "70"));
    refused("--vol: must be at most 10", price("--vol", "1e300"));
    refused("--vol: must be at most 10", price("--vol", "1e5"));
    refused("--rate: must be between -1 and 1 per year", price("--rate", "1e308"));
    refused("--rate: must be between -1 and 1 per year", price("--rate", "-1e308"));
    refused("--spot: must be a finite number in decimal notation such as 2500 or 0.7 (was '0x1p3')", price("--spot", "0x1p3"));
    refused("--spot: must be a finite number in decimal notation", price("--spot", "Infinity"));
    refused("--spot: must be a finite number (was '1e400'", price("--spot", "1e400"));
    refused("--step: must be a whole number in decimal notation (was '0x10')", "debt", "maker-auction", "--step", "0x10");
    refused("--value-at-stake: must be at least 0 and at most 1000000000000000 USD", "oracle", "attack-cost", "--value-at-stake", "1e308",
        "--bond", "1e308", "--vote-share", "0.25", "--others-stake", "1e308");
    for (String[] bad : List.of(
        new String[] {"\"paths\": 4.5", "paths: invalid value in"},
        new String[] {"\"seed\": 1.5", "seed: invalid value in"},
        new String[] {"\"paths\": \"4\"", "paths: invalid value in"},
        new String[] {"\"x0\": \"2500\"", "x0: invalid value in"},
        new String[] {"\"title\": 5", "title: invalid value in"},
        new String[] {"\"paths\": 4, \"paths\": 5", "--config: "})) {
      Path config = tmp.resolve("c.json");
      Files.writeString(config, "{\"scenarios\": [\"gbm\"], " + bad[0] + "}");
      refused(bad[1], "simulate", "--config", config.toString(), "--out", tmp.resolve("r").toString());
    }
    Path dup = tmp.resolve("dup.json");
    Files.writeString(dup, "{\"scenarios\": [\"gbm\"], \"paths\": 4, \"paths\": 5}");
    assertThat(CliTest.run("simulate", "--config", dup.toString()).err()).contains("Duplicate field 'paths'");
  }

  @Test
  void badInputOnceReportedAsAFailureIsRefused() throws Exception {
    refused("--size-usd: needs one or more sizes separated by single commas", "market", "roll-cost", "--size-usd", ",",
        "--from-strike", "2000", "--to-strike", "1500", "--days", "7", "--vol", "0.7");
    Path nul = tmp.resolve("null.json");
    Files.writeString(nul, "null");
    refused("--config: " + nul + " holds null", "simulate", "--config", nul.toString());
    refused("--days: must be between 0.001 (86.4 seconds) and 36500 days", "wrapper", "explain", "--policy", "kyrrui-tracker",
        "--spot", "3000", "--strike", "2000", "--days", "1e308");
    refused("--collateral-eth: must be at most 1000000000 ETH", "debt", "aave", "--collateral-eth", "1" + "0".repeat(40),
        "--debt-usd", "1", "--price", "3000");
    refused("--debt-usd: must be at most 1000000000000000 USD", "debt", "aave", "--collateral-eth", "1",
        "--debt-usd", "1" + "0".repeat(40), "--price", "3000");
    Path binary = tmp.resolve("binary.csv");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28, 10, (byte) 0x80});
    refused("binary.csv: is not UTF-8 text (a binary file?)", "compare", "--prices", binary.toString(), "--out", tmp.resolve("r").toString());
    refused("--now: must be between 2015-07-30T00:00:00Z and 2200-01-01T00:00:00Z (was +1000000000-12-31T23:59:59Z)", "wrapper",
        "explain", "--policy", "kyrrui-tracker", "--spot", "3000", "--now", "+1000000000-12-31T23:59:59Z");
    refused("--now: must be an ISO-8601 UTC time", "wrapper", "explain", "--policy", "kyrrui-tracker", "--spot", "3000",
        "--now", "+1000000000000-12-31T23:59:59Z");
    refused("--now: must be between 2015-07-30T00:00:00Z and 2200-01-01T00:00:00Z", "wrapper", "explain", "--policy",
        "kyrrui-tracker", "--spot", "3000", "--now", "1900-01-01T00:00:00Z");
    assertThat(tmp.resolve("r")).doesNotExist();
  }

  @Test
  void theReportDirectoryIsCheckedBeforeAnyWork() throws Exception {
    refused("--out: cannot write in /proc", "compare", "--out", "/proc/x");
    Path file = tmp.resolve("file.txt");
    Files.writeString(file, "mine");
    refused("--out: " + file + " exists and is not a directory", "compare", "--out", file.toString());
    refused("--out: cannot be created: " + file + " is not a directory", "compare", "--out", file.resolve("sub").toString());
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("notes"));
    Files.writeString(mine.resolve("todo.txt"), "keep me");
    refused("--out: " + mine + " is a directory that holds other files than a noliq report", "compare", "--out", mine.toString());
    assertThat(Files.readString(mine.resolve("todo.txt"))).isEqualTo("keep me");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("file.txt", "mine");
    }
  }

  @Test
  void anInternalFailureIsOneLineNamingItsLog() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    String before = System.getProperty(Main.LOG_DIR_PROPERTY);
    System.setProperty(Main.LOG_DIR_PROPERTY, logs.toString());
    try {
      java.io.StringWriter err = new java.io.StringWriter();
      int exit = Main.internalFailure(new OutOfMemoryError("Java heap space"), new java.io.PrintWriter(err, true));
      assertThat(exit).isEqualTo(Main.FAILURE);
      assertThat(err.toString().lines().count()).isEqualTo(1);
      assertThat(err.toString()).startsWith("noliq: internal failure: OutOfMemoryError: Java heap space (out of memory")
          .contains("details in " + logs);
      try (Stream<Path> files = Files.list(logs)) {
        Path log = files.findFirst().orElseThrow();
        assertThat(Files.readString(log)).contains("java.lang.OutOfMemoryError: Java heap space").contains("\tat ");
      }
    } finally {
      if (before == null) {
        System.clearProperty(Main.LOG_DIR_PROPERTY);
      } else {
        System.setProperty(Main.LOG_DIR_PROPERTY, before);
      }
    }
  }
}
