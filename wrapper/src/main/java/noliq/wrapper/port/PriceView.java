package noliq.wrapper.port;

import java.util.List;
import java.util.Optional;
import noliq.math.Price;

/**
 * The local agent's port to its private price sources: n sources, each read on demand. The agent
 * picks k of them and takes the median, so nobody else knows which prices drive its rolls. Reading
 * is the adapter's I/O (files, loopback HTTP, the oracle module's feeds); a source that cannot
 * answer gives empty.
 */
public interface PriceView {
  /** The sources' names, in a fixed order; their count is n. */
  List<String> sources();

  /** The current price from source {@code index} (in {@code [0, n)}), if it answers. */
  Optional<Price> read(int index);
}
