package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated argument vectors and config files through {@link Main#run}, seeded with the
 * cases of issue 15. Every call must end within {@link #CAP_SECONDS} with exit 0 or 2 (never 1, an
 * internal failure), a refusal must be exactly one line, no stack trace may appear, and no file may be
 * left behind. Commands that run a study or the benchmark get a poison option that is refused before
 * any work (a thread count of 0), so the fuzz explores their parsing and checks without running them;
 * a few tiny real runs are made separately. The seed is fixed (override with {@code -Dnoliq.fuzz.seed});
 * a failure prints the vector that caused it.
 */
class FuzzTest {
  static final int CALLS = Integer.getInteger("noliq.fuzz.calls", 10_000);
  static final long SEED = Long.getLong("noliq.fuzz.seed", 20261201L);
  static final long CAP_SECONDS = 20;
  static final String NOW = "2026-06-01T08:00:00Z";

  @TempDir static Path tmp;
  static Path logs;
  static String logsBefore;
  static ExecutorService worker;

  @BeforeAll
  static void fixtures() throws Exception {
    logs = Files.createDirectories(tmp.resolve("logs"));
    logsBefore = System.getProperty(Main.LOG_DIR_PROPERTY);
    System.setProperty(Main.LOG_DIR_PROPERTY, logs.toString());
    worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true);
      return t;
    });
    Files.writeString(tmp.resolve("a.txt"), "1800\n");
    Files.writeString(tmp.resolve("b.txt"), "1801 USD\n");
    Files.writeString(tmp.resolve("sources.txt"), "a.txt\nb.txt\n# a comment\n");
    Files.writeString(tmp.resolve("port.txt"), "http://127.0.0.1:99999/price\n");
    Files.writeString(tmp.resolve("remote.txt"), "http://example.com/price\n");
    Files.write(tmp.resolve("binary.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28, 10});
    Files.writeString(tmp.resolve("calm.csv"), TestPrices.calm(24 * 20));
    Files.writeString(tmp.resolve("args.txt"), "--spot 3000 --strike 2000\n");
    Files.writeString(tmp.resolve("study.json"), CONFIG_SEEDS.get(0));
    assertThat(new ProcessBuilder("mkfifo", tmp.resolve("fifo").toString()).start().waitFor()).isZero();
  }

  @AfterAll
  static void restore() {
    worker.shutdownNow();
    if (logsBefore == null) {
      System.clearProperty(Main.LOG_DIR_PROPERTY);
    } else {
      System.setProperty(Main.LOG_DIR_PROPERTY, logsBefore);
    }
  }

  static String f(String name) {
    return tmp.resolve(name).toString();
  }

  /** Valid, cheap vectors of every light command. */
  static List<String[]> light() {
    return List.of(
        a("price", "--spot", "3000", "--strike", "2000", "--days", "90", "--vol", "0.7", "--rate", "0.01", "--eth-yield", "0.02"),
        a("price", "--spot", "3000", "--strike", "2000", "--days", "90", "--vol", "0.7", "--json"),
        a("payoff", "--strike", "1500", "--at", "3000,2500,1500,1000", "--payoff", "covered-call", "--invalid", "half-half"),
        a("payoff", "--strike", "1500", "--at", "2500", "--payoff", "linear-range", "--upper", "3000", "--json"),
        a("debt", "aave", "--collateral-eth", "10", "--debt-usd", "17000", "--price", "2000", "--lt", "0.83", "--lb", "1.05",
            "--protocol-fee", "0.10"),
        a("debt", "maker-auction", "--buf", "1.2", "--cut", "0.99", "--step", "60", "--tail", "5400", "--cusp", "0.4", "--json"),
        a("debt", "liquity", "--collateral-eth", "3", "--debt", "4220", "--price", "1500", "--pool", "1000", "--preset", "v1"),
        a("oracle", "settle-timeline", "--liveness", "2", "--disputes", "1", "--vote-rounds", "2", "--bond", "8500",
            "--final-fee", "1500", "--dispute-after", "1"),
        a("oracle", "attack-cost", "--value-at-stake", "7000000", "--bond", "750", "--vote-share", "0.25", "--followers", "0.6",
            "--others-stake", "100000000", "--honest-capital", "100000", "--arbitration-fee", "10"),
        a("market", "roll-cost", "--size-usd", "10000,1000000", "--from-strike", "2000", "--to-strike", "1500", "--days", "7",
            "--vol", "0.7", "--mechanism", "auction", "--makers", "3", "--patience-days", "2"),
        a("wrapper", "explain", "--policy", "kyrrui-tracker", "--spot", "2500", "--strike", "1250", "--days", "20",
            "--entry-spot", "2500", "--vol", "0.8", "--now", NOW),
        a("wrapper", "explain", "--policy", "exposure-threshold", "--param", "maxDelta=0.02", "--spot", "1875", "--now", NOW),
        a("agent", "--policy", "kyrrui-tracker", "--sources", f("sources.txt"), "--seed", "1", "--once", "--now", NOW, "--k", "2",
            "--mechanism", "dutch-auction", "--strike", "1250", "--days", "20", "--entry-spot", "2500"),
        a("completion", "bash"),
        a("--version"),
        a("debt", "--help"),
        a("price", "@" + f("args.txt"), "--days", "90", "--vol", "0.7"));
  }

  /** The study and benchmark commands, small; always given the poison below unless run for real. */
  static List<String[]> heavy() {
    return List.of(
        a("compare", "--quick", "--out", f("out"), "--paths", "2", "--seed", "1", "--designs", "aave", "--scenarios", "gbm"),
        a("compare", "--prices", f("calm.csv"), "--out", f("out"), "--scenarios", "history,history-crashes", "--designs",
            "wrapper.kyrrui-tracker.auction"),
        a("simulate", "--config", f("study.json"), "--out", f("out"), "--json"),
        a("bench", "--paths", "2", "--steps", "24", "--seed", "1", "--json"));
  }

  /** The cases issue 15 lists, verbatim. */
  static List<String[]> issueCases() {
    return List.of(
        a("debt", "maker-auction", "--step", "1", "--tail", "9223372036854775807"),
        a("debt", "maker-auction", "--cut", "1", "--step", "1", "--tail", "1000000000000"),
        a("debt", "maker-auction", "--cusp", "0", "--step", "1", "--tail", "10000000000"),
        a("price", "@/dev/zero"),
        a("price", "@" + tmp),
        a("compare", "--prices", "/dev/zero", "--out", f("out")),
        a("bench", "--paths", "1", "--steps", "2147483647"),
        a("bench", "--paths", "2147483647"),
        a("simulate", "--config", "/dev/zero", "--out", f("out")),
        a("agent", "--policy", "kyrrui-tracker", "--sources", "/dev/zero", "--once"),
        a("agent", "--policy", "kyrrui-tracker", "--sources", f("port.txt"), "--once"),
        a("agent", "--policy", "kyrrui-tracker", "--sources", f("remote.txt"), "--once"),
        a("price", "--spot", "3000", "--strike", "2000", "--days", "1e-300", "--vol", "1e-300"),
        a("price", "--spot", "3000", "--strike", "2000", "--days", "90", "--vol", "1e300"),
        a("price", "--spot", "3000", "--strike", "2000", "--days", "90", "--vol", "1e5"),
        a("price", "--spot", "3000", "--strike", "2000", "--days", "90", "--vol", "0.7", "--rate", "1e308"),
        a("price", "--spot", "3000", "--strike", "2000", "--days", "90", "--vol", "0.7", "--rate", "-1e308"),
        a("price", "--spot", "0x1p3", "--strike", "2000", "--days", "90", "--vol", "0.7"),
        a("price", "--spot", "3000", "--strike", "2000", "--days", "90", "--vol", "70"),
        a("price", "--spot", "3000", "--strike", "2000", "--days", "1e308", "--vol", "0.7"),
        a("oracle", "attack-cost", "--value-at-stake", "1e308", "--bond", "1e308", "--vote-share", "0.25", "--others-stake", "1e308"),
        a("market", "roll-cost", "--size-usd", ",", "--from-strike", "2000", "--to-strike", "1500", "--days", "7", "--vol", "0.7"),
        a("debt", "aave", "--collateral-eth", "1" + "0".repeat(60), "--debt-usd", "1" + "0".repeat(60), "--price", "3000"),
        a("compare", "--prices", f("binary.bin"), "--out", f("out")),
        a("wrapper", "explain", "--policy", "kyrrui-tracker", "--spot", "3000", "--now", "+1000000000-12-31T23:59:59Z"),
        a("compare", "--out", "/proc/x"));
  }

  static final List<String> CONFIG_SEEDS = List.of(
      "{\"scenarios\": [\"gbm\"], \"paths\": 2, \"horizonDays\": 2, \"designs\": [\"aave\"], \"seed\": 3, \"chartedPaths\": 1}",
      "{\"title\": \"t\", \"scenarios\": [\"jun-2022\", \"history\"], \"crashPaths\": 2, \"x0\": 2500.5, \"threads\": 1, "
          + "\"prices\": \"" + "CALM" + "\", \"chartedPaths\": 1}",
      "null", "{\"paths\": 4.5}", "{\"seed\": 1.5}", "{\"paths\": \"4\"}", "{\"paths\": 4, \"paths\": 5}");

  static final String[] VALUES = {
      "0", "-1", "1", "0.7", "70", "1e308", "-1e308", "1e-300", "1e400", "NaN", "Infinity", "-Infinity", "0x1p3", "0x10", "1_000",
      "1e5", "", " ", ",", ",,", "1,,2", "9223372036854775807", "9223372036854775808", "2147483648", "-2147483649",
      "1" + "0".repeat(400), "0." + "0".repeat(30) + "1", "abc", "\u00e9\u20ac", "\u0000", "--", "-", "@", "@@x",
      "@/dev/zero", "/dev/zero", "/dev/null", "/proc/x", "/", ".", "..", "RESTING_ORDERS", "resting-orders", "V2", "AMM",
      "+1000000000-12-31T23:59:59Z", "2026-13-01T00:00:00Z", NOW, "x=1", "=", "maxDelta=-1", "maturityDays=1e308",
      "bash", "zsh", "fish", "kyrrui-tracker", "buterin-2026", "1.5e", ".5", "5.", "+5", "--help", "--version", "-h"};

  static final List<String> OPTIONS = List.of("--spot", "--strike", "--days", "--vol", "--rate", "--eth-yield", "--json", "--quiet",
      "--at", "--payoff", "--upper", "--invalid", "--collateral-eth", "--debt-usd", "--debt", "--price", "--lt", "--lb",
      "--protocol-fee", "--buf", "--cut", "--step", "--tail", "--cusp", "--pool", "--preset", "--liveness", "--disputes",
      "--vote-rounds", "--bond", "--final-fee", "--value-at-stake", "--vote-share", "--followers", "--spat", "--size-usd",
      "--from-strike", "--to-strike", "--to-days", "--mechanism", "--makers", "--policy", "--param", "--now", "--sources",
      "--k", "--seed", "--once", "--count", "--out", "--paths", "--config", "--prices", "--data", "--designs", "--scenarios",
      "--threads", "--steps", "--turnout", "--deleted", "--frobnicate");

  static String[] a(String... args) {
    return args;
  }

  private final SplittableRandom rng = new SplittableRandom(SEED);

  String value() {
    int k = rng.nextInt(10);
    if (k < 6) {
      return VALUES[rng.nextInt(VALUES.length)];
    }
    if (k < 8) {
      String[] files = {"a.txt", "sources.txt", "binary.bin", "calm.csv", "fifo", "args.txt", "missing.txt", "logs", "study.json"};
      String name = f(files[rng.nextInt(files.length)]);
      return rng.nextBoolean() ? name : "@" + name;
    }
    return switch (rng.nextInt(4)) {
      case 0 -> Double.toString(rng.nextDouble(-1e6, 1e6));
      case 1 -> Long.toString(rng.nextLong());
      case 2 -> "x".repeat(rng.nextInt(1, 5000));
      default -> Integer.toString(rng.nextInt(-100, 100_000));
    };
  }

  String[] mutate(String[] base) {
    List<String> v = new ArrayList<>(Arrays.asList(base));
    int mutations = rng.nextInt(1, 4);
    for (int m = 0; m < mutations; m++) {
      int at = v.isEmpty() ? 0 : rng.nextInt(v.size());
      switch (rng.nextInt(7)) {
        case 0, 1 -> {
          if (!v.isEmpty()) {
            v.set(at, value());
          }
        }
        case 2 -> {
          if (!v.isEmpty()) {
            v.remove(at);
          }
        }
        case 3 -> v.add(at, OPTIONS.get(rng.nextInt(OPTIONS.size())));
        case 4 -> {
          v.add(Math.min(v.size(), at), value());
          v.add(Math.min(v.size(), at), OPTIONS.get(rng.nextInt(OPTIONS.size())));
        }
        case 5 -> {
          if (v.size() > 1) {
            int b = rng.nextInt(v.size());
            String t = v.get(at);
            v.set(at, v.get(b));
            v.set(b, t);
          }
        }
        default -> {
          if (!v.isEmpty()) {
            v.add(at, v.get(at));
          }
        }
      }
    }
    return v.toArray(String[]::new);
  }

  String config() {
    String c = CONFIG_SEEDS.get(rng.nextInt(CONFIG_SEEDS.size())).replace("CALM", f("calm.csv"));
    String[] jsonValues = {"4.5", "\"4\"", "null", "-1", "0", "1e308", "9223372036854775808", "[]", "{}", "true", "\"gbm\"",
        "[\"history\"]", "[\"history-crashes\"]", "[\"nope\"]", "[null]", "\"" + "x".repeat(3000) + "\"", "[" .repeat(3000),
        "\"/dev/zero\"", "\"" + tmp + "\"", "\"" + f("binary.bin") + "\"", "\"" + f("fifo") + "\"", "2", "[\"gbm\", \"gbm\"]"};
    String[] keys = {"title", "scenarios", "paths", "crashPaths", "horizonDays", "x0", "seed", "threads", "designs", "prices",
        "chartedPaths", "unknown"};
    switch (rng.nextInt(5)) {
      case 0, 1 -> {
        String key = keys[rng.nextInt(keys.length)];
        String value = jsonValues[rng.nextInt(jsonValues.length)];
        c = c.startsWith("{") ? "{\"" + key + "\": " + value + ", " + c.substring(1) : c;
      }
      case 2 -> c = c.substring(0, rng.nextInt(c.length() + 1));
      case 3 -> {
        int at = rng.nextInt(c.length() + 1);
        c = c.substring(0, at) + (char) rng.nextInt(0, 0x3000) + c.substring(at);
      }
      default -> {
        // unchanged
      }
    }
    return c;
  }

  record Outcome(int exit, String out, String err) {}

  static Outcome call(String[] args) throws Exception {
    Future<Outcome> f = worker.submit(() -> {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Main.run(args.clone(), new PrintWriter(out, true), new PrintWriter(err, true));
      return new Outcome(exit, out.toString(), err.toString());
    });
    try {
      return f.get(CAP_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("no answer within " + CAP_SECONDS + " s: " + show(args));
    }
  }

  static String show(String[] args) {
    StringBuilder s = new StringBuilder();
    for (String a : args) {
      String shown = a.length() > 60 ? a.substring(0, 60) + "...(" + a.length() + " chars)" : a;
      s.append(" '").append(shown.replace("\u0000", "\\0")).append('\'');
    }
    return "noliq" + s;
  }

  static Set<String> files() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(tmp)) {
      walk.forEach(p -> names.add(tmp.relativize(p).toString()));
    }
    return names;
  }

  static void check(String[] args, Outcome o) {
    String what = show(args) + "\n-> exit " + o.exit() + "\nstderr: " + o.err() + "\nstdout: "
        + (o.out().length() > 500 ? o.out().substring(0, 500) + "..." : o.out());
    if (o.exit() != Main.OK && o.exit() != Main.BAD_INPUT) {
      fail("exit " + o.exit() + " (an internal failure) for " + what);
    }
    for (String trace : List.of("\tat ", "Exception:", "Exception in", "Caused by", "picocli.CommandLine$", "Error:")) {
      if (o.err().contains(trace) || o.out().contains(trace)) {
        fail("a stack trace or exception name (" + trace.strip() + ") for " + what);
      }
    }
    if (o.exit() == Main.BAD_INPUT) {
      if (o.err().lines().count() != 1 || !o.err().startsWith("noliq: ")) {
        fail("a refusal must be one line starting 'noliq: ' for " + what);
      }
      if (!o.out().isEmpty()) {
        fail("a refusal printed results for " + what);
      }
    }
  }

  @Test
  void tenThousandVectorsEndCleanly() throws Exception {
    Set<String> fixtures = files();
    List<String[]> light = light();
    List<String[]> heavy = heavy();
    List<String[]> cases = issueCases();
    int[] exits = new int[3];
    for (int i = 0; i < CALLS; i++) {
      String[] args;
      int kind = rng.nextInt(100);
      if (kind < 5) {
        args = cases.get(rng.nextInt(cases.size()));
      } else if (kind < 70) {
        String[] base = light.get(rng.nextInt(light.size()));
        args = rng.nextInt(10) == 0 ? base : mutate(base);
        if (Arrays.asList(args).contains("agent") && !Arrays.asList(args).contains("--help")) {
          args = poison(args, "--count", "1"); // never a daemon that runs until stopped
        }
      } else if (kind < 85) {
        args = poison(mutate(heavy.get(rng.nextInt(heavy.size()))), "--threads", "0");
      } else {
        Files.writeString(tmp.resolve("fuzz.json"), config(), StandardCharsets.UTF_8);
        args = poison(a("simulate", "--config", f("fuzz.json"), "--out", f("out")), "--threads", "0");
        if (rng.nextInt(4) == 0) {
          args = mutate(args);
        }
      }
      Outcome o = call(args);
      check(args, o);
      exits[o.exit()]++;
      Set<String> now = files();
      now.remove("fuzz.json");
      Set<String> expected = new TreeSet<>(fixtures);
      expected.remove("fuzz.json");
      if (!now.equals(expected)) {
        Set<String> extra = new TreeSet<>(now);
        extra.removeAll(expected);
        fail("files left behind " + extra + " by " + show(args));
      }
    }
    assertThat(exits[Main.BAD_INPUT]).as("refusals").isGreaterThan(CALLS / 4);
    assertThat(exits[Main.OK]).as("successes").isGreaterThan(CALLS / 20);
    assertThat(Path.of("noliq-report")).as("no report in the working directory").doesNotExist();
    try (Stream<Path> l = Files.list(logs)) {
      assertThat(l.toList()).as("no failure logs").isEmpty();
    }
  }

  /** The poison option goes last: either it is refused as a value, or picocli refuses the option given twice. */
  static String[] poison(String[] args, String option, String value) {
    String[] out = Arrays.copyOf(args, args.length + 2);
    out[args.length] = option;
    out[args.length + 1] = value;
    return out;
  }

  @Test
  void tinyStudiesAndTheBenchmarkRunForReal() throws Exception {
    for (String[] args : heavy()) {
      String[] quiet = Arrays.copyOf(args, args.length + 1);
      quiet[args.length] = "--quiet";
      Outcome o = call(quiet);
      check(quiet, o);
      assertThat(o.exit()).as(show(quiet) + " " + o.err()).isZero();
      assertThat(o.err()).as(show(quiet)).isEmpty();
      deleteTree(tmp.resolve("out"));
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
