package noliq.lab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p>Positions are small non-negative integers (a book's borrower numbers). The index is a binary
 * max-heap of them in arrays, each position knowing its slot: a crash takes out and puts back
 * every triggered position that no one could liquidate, step after step, and a tree of boxed
 * entries made that the debt books' largest cost.
 */
public final class LiquidationIndex {
  /** The largest position number accepted: the arrays grow to it at most. */
  public static final int MAX_POSITION = 1 << 24;

  /** By position: its heap slot (-1: not indexed). */
  private int[] slot = new int[0];
  /**
   * The heap by slot: the position there, its liquidation price and the count of puts when it was
   * put. {@code [0]} is the highest price, put earliest among equal prices. The keys live with the
   * slots, not the positions, so that a sift compares neighbouring array cells.
   */
  private int[] heap = new int[16];
  private double[] heapPrice = new double[16];
  private long[] heapOrder = new long[16];
  private int size;
  private long puts;

  /** Indexes {@code position} at {@code liquidationPrice}, replacing any earlier entry. */
  public void put(int position, double liquidationPrice) {
    if (Double.isNaN(liquidationPrice)) {
      throw new RuleViolation("liquidationPrice", "must be a number (was NaN)");
    }
    if (position < 0 || position > MAX_POSITION) {
      throw new RuleViolation("position", "must be in [0, " + MAX_POSITION + "] (was " + position + ")");
    }
    if (position >= slot.length) {
      grow(position);
    }
    long order = puts++;
    int s = slot[position];
    if (s < 0) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, 2 * heap.length);
        heapPrice = Arrays.copyOf(heapPrice, heap.length);
        heapOrder = Arrays.copyOf(heapOrder, heap.length);
      }
      siftUp(size++, position, liquidationPrice, order);
    } else if (!siftUp(s, position, liquidationPrice, order)) {
      siftDown(s, position, liquidationPrice, order);
    }
  }

  /** Removes {@code position}; returns whether it was indexed. */
  public boolean remove(int position) {
    if (position < 0 || position >= slot.length || slot[position] < 0) {
      return false;
    }
    removeAt(slot[position]);
    return true;
  }

  /**
   * Removes and returns every position whose liquidation price is strictly above {@code price},
   * highest first. Costs {@code O(log n)} per position returned, and one look when none is.
   */
  public List<Integer> triggeredBelow(double price) {
    if (size == 0 || Double.compare(heapPrice[0], price) <= 0) {
      return new ArrayList<>(0);
    }
    List<Integer> out = new ArrayList<>();
    while (size > 0 && Double.compare(heapPrice[0], price) > 0) {
      out.add(heap[0]);
      removeAt(0);
    }
    return out;
  }

  /** The highest liquidation price indexed, or NaN when empty: the price at which the next liquidation comes. */
  public double highestLiquidationPrice() {
    return size == 0 ? Double.NaN : heapPrice[0];
  }

  /** The liquidation price of {@code position}, or NaN when it is not indexed. */
  public double liquidationPrice(int position) {
    return position < 0 || position >= slot.length || slot[position] < 0 ? Double.NaN : heapPrice[slot[position]];
  }

  public int size() {
    return size;
  }

  private void grow(int position) {
    int n = (int) Math.min(MAX_POSITION + 1L, Math.max(position + 1L, 2L * slot.length));
    int from = slot.length;
    slot = Arrays.copyOf(slot, n);
    Arrays.fill(slot, from, n, -1);
  }

  /** Whether key ({@code price}, {@code order}) goes out before key ({@code otherPrice}, {@code otherOrder}): a higher price, or the same price put earlier. */
  private static boolean before(double price, long order, double otherPrice, long otherOrder) {
    int c = Double.compare(price, otherPrice);
    return c != 0 ? c > 0 : order < otherOrder;
  }

  private void removeAt(int s) {
    slot[heap[s]] = -1;
    int last = --size;
    if (s == last) {
      return;
    }
    int p = heap[last];
    double price = heapPrice[last];
    long order = heapOrder[last];
    if (!siftUp(s, p, price, order)) {
      siftDown(s, p, price, order);
    }
  }

  private void place(int s, int position, double price, long order) {
    heap[s] = position;
    heapPrice[s] = price;
    heapOrder[s] = order;
    slot[position] = s;
  }

  private void move(int from, int to) {
    place(to, heap[from], heapPrice[from], heapOrder[from]);
  }

  /**
   * Puts the key ({@code position}, {@code price}, {@code order}) at slot {@code s}, moved up while
   * it goes out before its parent; returns whether it moved.
   */
  private boolean siftUp(int s, int position, double price, long order) {
    int start = s;
    while (s > 0) {
      int parent = (s - 1) >>> 1;
      if (!before(price, order, heapPrice[parent], heapOrder[parent])) {
        break;
      }
      move(parent, s);
      s = parent;
    }
    place(s, position, price, order);
    return s != start;
  }

  /** Puts the key at slot {@code s}, moved down while a child goes out before it. */
  private void siftDown(int s, int position, double price, long order) {
    while (true) {
      int child = 2 * s + 1;
      if (child >= size) {
        break;
      }
      int right = child + 1;
      if (right < size && before(heapPrice[right], heapOrder[right], heapPrice[child], heapOrder[child])) {
        child = right;
      }
      if (!before(heapPrice[child], heapOrder[child], price, order)) {
        break;
      }
      move(child, s);
      s = child;
    }
    place(s, position, price, order);
  }
}
