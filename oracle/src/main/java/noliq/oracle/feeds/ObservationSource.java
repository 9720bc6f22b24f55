package noliq.oracle.feeds;

import java.util.List;

/**
 * Where a TWAP reads its history: an AMM pool's observations (as Uniswap's oracle array), in time
 * order. Each observation's price holds from its time until the next one.
 */
@FunctionalInterface
public interface ObservationSource {
  List<PriceObservation> observations();
}
