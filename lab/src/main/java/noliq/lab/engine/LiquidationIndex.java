package noliq.lab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import noliq.math.RuleViolation;

/**
 * Positions indexed by liquidation price, so that a step of the simulation costs
 * {@code O(log n + liquidations)} instead of a scan of every position: a position becomes
 * liquidatable when the price (the bar's low, where there is one) falls strictly below its
 * liquidation price, and {@link #triggeredBelow} hands out exactly those, highest liquidation
 * price first (ties in the order they were indexed), removing them from the index.
 *
 * <p>When a position's debt or collateral changes, {@link #put} it again with its new price; a
 * closed position is {@link #remove}d. Not thread-safe: one index per path.
 *
 * @param <K> the position's identity
 */
public final class LiquidationIndex<K> {
  private final NavigableMap<Double, LinkedHashSet<K>> byPrice = new TreeMap<>();
  private final Map<K, Double> priceOf = new HashMap<>();

  /** Indexes {@code position} at {@code liquidationPrice}, replacing any earlier entry. */
  public void put(K position, double liquidationPrice) {
    if (Double.isNaN(liquidationPrice)) {
      throw new RuleViolation("liquidationPrice", "must be a number (was NaN)");
    }
    remove(position);
    byPrice.computeIfAbsent(liquidationPrice, p -> new LinkedHashSet<>()).add(position);
    priceOf.put(position, liquidationPrice);
  }

  /** Removes {@code position}; returns whether it was indexed. */
  public boolean remove(K position) {
    Double price = priceOf.remove(position);
    if (price == null) {
      return false;
    }
    LinkedHashSet<K> atPrice = byPrice.get(price);
    atPrice.remove(position);
    if (atPrice.isEmpty()) {
      byPrice.remove(price);
    }
    return true;
  }

  /**
   * Removes and returns every position whose liquidation price is strictly above {@code price},
   * highest first. Costs {@code O(log n)} plus the number returned.
   */
  public List<K> triggeredBelow(double price) {
    List<K> out = new ArrayList<>();
    NavigableMap<Double, LinkedHashSet<K>> above = byPrice.tailMap(price, false).descendingMap();
    Iterator<Map.Entry<Double, LinkedHashSet<K>>> it = above.entrySet().iterator();
    while (it.hasNext()) {
      for (K k : it.next().getValue()) {
        out.add(k);
        priceOf.remove(k);
      }
      it.remove();
    }
    return out;
  }

  /** The highest liquidation price indexed, or NaN when empty: the price at which the next liquidation comes. */
  public double highestLiquidationPrice() {
    return byPrice.isEmpty() ? Double.NaN : byPrice.lastKey();
  }

  /** The liquidation price of {@code position}, or NaN when it is not indexed. */
  public double liquidationPrice(K position) {
    Double p = priceOf.get(position);
    return p == null ? Double.NaN : p;
  }

  public int size() {
    return priceOf.size();
  }
}
