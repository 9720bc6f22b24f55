package noliq.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import noliq.math.RuleViolation;
import noliq.node.engine.FsyncPolicy;

/**
 * How a node runs. Defaults: 127.0.0.1, port 7070, journal fsync ALWAYS, wall-clock speed, bots on,
 * 200 requests a second per key, CORS off.
 *
 * @param prices an OHLC file to replay (null: {@code priceUrl}, or a constant demo price)
 * @param from where the replay starts (null: the file's first bar)
 * @param speed market seconds per wall second (3600 plays an hour a second)
 */
public record NodeConfig(
    Path dataDir, String host, int port, FsyncPolicy fsync, double speed, Path prices, Instant from, Instant to,
    URI priceUrl, double startPrice, long seed, String vaultPolicy, int borrowers, double ratePerSecond,
    String corsOrigin, boolean bots, long tickMillis, long botMillis) {

  public NodeConfig {
    if (dataDir == null) {
      throw new RuleViolation("data-dir", "is required");
    }
    if (host == null || host.isBlank()) {
      throw new RuleViolation("host", "is required");
    }
    if (port < 0 || port > 65_535) {
      throw new RuleViolation("port", "must be in [0, 65535] (was " + port + ")");
    }
    if (!(speed >= 1) || speed > 1e7) {
      throw new RuleViolation("speed", "must be in [1, 10000000] (was " + speed + ")");
    }
    if (prices != null && priceUrl != null) {
      throw new RuleViolation("prices", "give either --prices or --price-url, not both");
    }
    if (!(startPrice > 0) || startPrice > 1e9) {
      throw new RuleViolation("start-price", "must be in (0, 1e9] (was " + startPrice + ")");
    }
    if (borrowers < 0 || borrowers > 10_000) {
      throw new RuleViolation("borrowers", "must be in [0, 10000] (was " + borrowers + ")");
    }
    if (!(ratePerSecond >= 1) || ratePerSecond > 1e6) {
      throw new RuleViolation("rate-limit", "must be in [1, 1000000] requests a second (was " + ratePerSecond + ")");
    }
    if (tickMillis < 10 || tickMillis > 60_000) {
      throw new RuleViolation("tick-ms", "must be in [10, 60000] (was " + tickMillis + ")");
    }
    if (botMillis < 10 || botMillis > 60_000) {
      throw new RuleViolation("bot-ms", "must be in [10, 60000] (was " + botMillis + ")");
    }
  }

  public static NodeConfig defaults(Path dataDir) {
    return new NodeConfig(dataDir, "127.0.0.1", 7070, FsyncPolicy.ALWAYS, 1, null, null, null, null, 2500, 1,
        "kyrrui-tracker", 200, 200, null, true, 250, 500);
  }

  public NodeConfig withPort(int p) {
    return new NodeConfig(dataDir, host, p, fsync, speed, prices, from, to, priceUrl, startPrice, seed, vaultPolicy,
        borrowers, ratePerSecond, corsOrigin, bots, tickMillis, botMillis);
  }

  public NodeConfig withReplay(Path file, Instant start, Instant end, double s) {
    return new NodeConfig(dataDir, host, port, fsync, s, file, start, end, priceUrl, startPrice, seed, vaultPolicy,
        borrowers, ratePerSecond, corsOrigin, bots, tickMillis, botMillis);
  }

  public NodeConfig withRate(double perSecond) {
    return new NodeConfig(dataDir, host, port, fsync, speed, prices, from, to, priceUrl, startPrice, seed, vaultPolicy,
        borrowers, perSecond, corsOrigin, bots, tickMillis, botMillis);
  }

  public NodeConfig withBots(boolean on) {
    return new NodeConfig(dataDir, host, port, fsync, speed, prices, from, to, priceUrl, startPrice, seed, vaultPolicy,
        borrowers, ratePerSecond, corsOrigin, on, tickMillis, botMillis);
  }

  public NodeConfig withFsync(FsyncPolicy f) {
    return new NodeConfig(dataDir, host, port, f, speed, prices, from, to, priceUrl, startPrice, seed, vaultPolicy,
        borrowers, ratePerSecond, corsOrigin, bots, tickMillis, botMillis);
  }
}
