package noliq.oracle.feeds;

import java.time.Duration;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * A Chainlink-style push feed's trigger parameters.
 *
 * @param deviationBps publish when the source moves this many basis points from the last
 *     published answer (50 = 0.5%, the ETH/USD mainnet feed's threshold)
 * @param heartbeat publish at least this often even if the price is still (ETH/USD: 1 hour)
 * @param latency how long after the trigger the new answer lands on chain and becomes readable
 */
public record PushFeedConfig(int deviationBps, Duration heartbeat, Duration latency) {
  public PushFeedConfig {
    if (deviationBps <= 0 || deviationBps > 10_000) {
      throw new OracleException(new OracleError.OutOfRange("deviationBps", "between 1 and 10000", Integer.toString(deviationBps)));
    }
    Require.positive(heartbeat, "heartbeat");
    Require.notNegative(latency, "latency");
  }

  /** 0.5% deviation, 1 h heartbeat, as Chainlink's ETH/USD on mainnet, with the given latency. */
  public static PushFeedConfig ethUsd(Duration latency) {
    return new PushFeedConfig(50, Duration.ofHours(1), latency);
  }
}
