package noliq.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import noliq.math.RuleViolation;
import noliq.node.Node;
import noliq.node.NodeConfig;
import noliq.node.engine.FsyncPolicy;
import noliq.wrapper.policy.Policies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header = "Run the live market node (JSON API, web page).",
    description = {
        "The live market node: P/N series listed on a stated rule, split, merge and redeem, an order book per leg, "
            + "rotation auctions, the optimistic oracle and its vote, the wrapper vault and its keeper, and an Aave "
            + "pool beside it, with makers, arbitrageurs, liquidators and voters on its scheduler.",
        "",
        "Every accepted command is journaled (fsync before acknowledgement by default) before it is applied; a "
            + "restart replays the journal to the same state. JSON API (OpenAPI at /openapi.json), events at "
            + "/api/events, a web page at /. Prices come from --prices FILE replayed at --speed, or from --price-url "
            + "on 127.0.0.1."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  noliq serve --port 0",
        "  noliq serve --prices data/eth_usdt_1h_2017-2025.csv \\",
        "      --from 2021-05-17T00:00:00Z --speed 3600",
        "  noliq serve --price-url http://127.0.0.1:8545/eth --fsync os"
    })
final class ServeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--data-dir", defaultValue = "noliq-node", paramLabel = "DIR",
      description = "Where the journal lives (default: ${DEFAULT-VALUE}); an existing journal is replayed.")
  Path dataDir;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--port", defaultValue = "7070", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
  int port;

  @Option(names = "--prices", paramLabel = "FILE", description = "An OHLC CSV to replay (the normalised format or Binance klines).")
  Path prices;

  @Option(names = "--from", paramLabel = "TIME", description = "Replay from this ISO-8601 UTC time (default: the first bar).")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Replay up to this time (default: the last bar).")
  String to;

  @Option(names = "--speed", defaultValue = "1", paramLabel = "S",
      description = "Market seconds per wall second: 3600 plays an hour a second (default: ${DEFAULT-VALUE}, the wall clock).")
  double speed;

  @Option(names = "--price-url", paramLabel = "URL", description = "A price source on this machine: http://127.0.0.1:PORT/... answering a number.")
  URI priceUrl;

  @Option(names = "--start-price", defaultValue = "2500", paramLabel = "USD",
      description = "The price without --prices or --price-url (default: ${DEFAULT-VALUE}).")
  double startPrice;

  @Option(names = "--fsync", defaultValue = "always", paramLabel = "POLICY", converter = FsyncConverter.class,
      completionCandidates = FsyncPolicies.class,
      description = "${COMPLETION-CANDIDATES}. always: force each batch to disk before acknowledging it (no acknowledged "
          + "command is lost); os: leave flushing to the OS (survives the process dying, not a power cut). "
          + "Default: ${DEFAULT-VALUE}.")
  FsyncPolicy fsync;

  static final class FsyncConverter extends Choices.Converter<FsyncPolicy> {
    FsyncConverter() {
      super(FsyncPolicy.class);
    }
  }

  static final class FsyncPolicies extends Choices.Candidates<FsyncPolicy> {
    FsyncPolicies() {
      super(FsyncPolicy.class);
    }
  }

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the demo population and bots (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--vault-policy", defaultValue = "kyrrui-tracker", paramLabel = "NAME",
      description = "The vault's roll policy (default: ${DEFAULT-VALUE}).")
  String vaultPolicy;

  @Option(names = "--borrowers", defaultValue = "200", paramLabel = "N", description = "Demo Aave borrowers (default: ${DEFAULT-VALUE}).")
  int borrowers;

  @Option(names = "--rate-limit", defaultValue = "200", paramLabel = "R", description = "Requests a second per API key (default: ${DEFAULT-VALUE}).")
  double rateLimit;

  @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Allow this browser origin (default: CORS off).")
  String corsOrigin;

  @Option(names = "--no-bots", description = "Run no bots (the price feed still runs).")
  boolean noBots;

  @Override
  public void run() {
    Limits.between("--port", port, 0, 65_535);
    Limits.between("--speed", speed, 0, false, 1e7, "market seconds a wall second");
    Limits.price("--start-price", startPrice);
    Limits.between("--borrowers", borrowers, 0, 100_000);
    Limits.between("--rate-limit", rateLimit, 0, false, 1e6, "requests a second");
    if (!Policies.NAMES.contains(vaultPolicy)) {
      throw new RuleViolation("--vault-policy", "must be one of " + String.join(", ", Policies.NAMES));
    }
    if (prices != null) {
      Limits.regularFile("--prices", prices, Limits.MAX_PRICES_BYTES);
    }
    if ((from != null || to != null) && prices == null) {
      throw new RuleViolation("--from", "needs --prices");
    }
    NodeConfig config = new NodeConfig(dataDir, host, port, fsync, speed, prices, time("--from", from), time("--to", to),
        priceUrl, startPrice, seed, vaultPolicy, borrowers, rateLimit, corsOrigin, !noBots, 250, 500);
    Node node = Node.start(config);
    PrintWriter out = spec.commandLine().getOut();
    out.println(node.url());
    out.println(node.describe());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Instant time(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new RuleViolation(option, "must be an ISO-8601 UTC time such as 2021-05-17T00:00:00Z (was '" + text + "')");
    }
  }
}
