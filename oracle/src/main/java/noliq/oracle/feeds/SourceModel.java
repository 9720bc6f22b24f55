package noliq.oracle.feeds;

import java.time.Duration;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * One price source an agent may read (an exchange, a news site, an API), with its error model.
 *
 * @param name what the agent calls it
 * @param noise the relative error of a reading: the quote is the true value times
 *     {@code exp(noise * Z)} for a standard normal {@code Z} (0.001 = about 0.1%)
 * @param delay how stale the source is: it quotes the true value of {@code delay} ago
 * @param failureProbability the chance a read returns nothing (down, rate-limited, garbage)
 */
public record SourceModel(String name, double noise, Duration delay, double failureProbability) {
  public SourceModel {
    if (name == null || name.isBlank()) {
      throw new OracleException(new OracleError.Missing("name"));
    }
    Require.notNegative(noise, "noise");
    Require.notNegative(delay, "delay");
    Require.between(failureProbability, 0, 1, "failureProbability");
  }
}
