package noliq.lab.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
  /**
   * One indexed position: its price, and the count of puts when it was put (ties at one price go
   * out in the order they were put). Ordered by price, then by that count falling, so the last
   * entry is the highest price put earliest.
   */
  private record Entry<K>(double price, long order, K position) {}

  private static final Comparator<Entry<?>> BY_PRICE = (a, b) -> {
    int c = Double.compare(a.price(), b.price());
    return c != 0 ? c : Long.compare(b.order(), a.order());
  };

  private final TreeSet<Entry<K>> byPrice = new TreeSet<>(BY_PRICE);
  private final Map<K, Entry<K>> entryOf = new HashMap<>();
  private long puts;

  /** Indexes {@code position} at {@code liquidationPrice}, replacing any earlier entry. */
  public void put(K position, double liquidationPrice) {
    if (Double.isNaN(liquidationPrice)) {
      throw new RuleViolation("liquidationPrice", "must be a number (was NaN)");
    }
    Entry<K> entry = new Entry<>(liquidationPrice, puts++, position);
    Entry<K> before = entryOf.put(position, entry);
    if (before != null) {
      byPrice.remove(before);
    }
    byPrice.add(entry);
  }

  /** Removes {@code position}; returns whether it was indexed. */
  public boolean remove(K position) {
    Entry<K> entry = entryOf.remove(position);
    if (entry == null) {
      return false;
    }
    byPrice.remove(entry);
    return true;
  }

  /**
   * Removes and returns every position whose liquidation price is strictly above {@code price},
   * highest first. Costs {@code O(log n)} per position returned, and one look when none is.
   */
  public List<K> triggeredBelow(double price) {
    if (byPrice.isEmpty() || Double.compare(byPrice.last().price(), price) <= 0) {
      return new ArrayList<>(0);
    }
    List<K> out = new ArrayList<>();
    while (!byPrice.isEmpty() && Double.compare(byPrice.last().price(), price) > 0) {
      Entry<K> e = byPrice.pollLast();
      entryOf.remove(e.position());
      out.add(e.position());
    }
    return out;
  }

  /** The highest liquidation price indexed, or NaN when empty: the price at which the next liquidation comes. */
  public double highestLiquidationPrice() {
    return byPrice.isEmpty() ? Double.NaN : byPrice.last().price();
  }

  /** The liquidation price of {@code position}, or NaN when it is not indexed. */
  public double liquidationPrice(K position) {
    Entry<K> e = entryOf.get(position);
    return e == null ? Double.NaN : e.price();
  }

  public int size() {
    return entryOf.size();
  }
}
