package noliq.options;

import java.time.Instant;
import java.util.Optional;

/**
 * The ledger's port to the slow settlement oracle. The ledger settles a series only from a final
 * resolution read here, as UMA's LongShortPair reads its optimistic oracle; nobody hands the ledger
 * a value directly.
 */
@FunctionalInterface
public interface SettlementOracle {
  /** The final resolution of {@code series}'s index at its maturity, if one exists at {@code now}. */
  Optional<Resolution> finalResolution(Series series, Instant now);
}
