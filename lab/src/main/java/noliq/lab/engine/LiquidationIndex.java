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
 *
 * <p>Positions put back in the order they came out ({@link #park}) wait in a run beside the heap,
 * already in the order they go out: the next {@link #triggeredBelow} merges the run's head with
 * the heap's top, so a position that no one liquidates step after step costs a look and an append,
 * not a sift down and a sift up. Parking is putting: the same keys, the same order out.
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
  /** {@link #slot} of a position in the run. */
  private static final int PARKED = -2;
  /** By position: its place in the run, when its slot is {@link #PARKED}. */
  private int[] runAt = new int[0];
  /**
   * The run: positions parked, in the order they go out (each key goes out before the next), from
   * {@code runHead} to {@code runTail}; a position that left it (put again, removed) leaves -1.
   */
  private int[] runPos = new int[16];
  private double[] runPrice = new double[16];
  private long[] runOrder = new long[16];
  private int runHead;
  private int runTail;
  private int runLive;

  /** Indexes {@code position} at {@code liquidationPrice}, replacing any earlier entry. */
  public void put(int position, double liquidationPrice) {
    check(position, liquidationPrice);
    long order = puts++;
    int s = slot[position];
    if (s == PARKED) {
      leaveRun(position);
      s = -1;
    }
    if (s < 0) {
      heapInsert(position, liquidationPrice, order);
    } else if (!siftUp(s, position, liquidationPrice, order)) {
      siftDown(s, position, liquidationPrice, order);
    }
  }

  /**
   * {@link #put}, for a position put back after {@link #triggeredBelow} handed it out: the same key
   * and the same order out. When it goes out after every position parked since the run last emptied
   * (no higher price than the last), it joins the run at its end at no cost; otherwise the run moves
   * into the heap and starts again with it.
   */
  public void park(int position, double liquidationPrice) {
    check(position, liquidationPrice);
    if (slot[position] != -1) {
      put(position, liquidationPrice);
      return;
    }
    long order = puts++;
    if (runTail > runHead && Double.compare(runPrice[runTail - 1], liquidationPrice) < 0) {
      flushRun();
    }
    if (runTail == runPos.length) {
      compactRun();
    }
    runPos[runTail] = position;
    runPrice[runTail] = liquidationPrice;
    runOrder[runTail] = order;
    runAt[position] = runTail++;
    slot[position] = PARKED;
    runLive++;
  }

  /** Removes {@code position}; returns whether it was indexed. */
  public boolean remove(int position) {
    if (position < 0 || position >= slot.length || slot[position] == -1) {
      return false;
    }
    if (slot[position] == PARKED) {
      leaveRun(position);
    } else {
      removeAt(slot[position]);
    }
    return true;
  }

  /**
   * Removes and returns every position whose liquidation price is strictly above {@code price},
   * highest first. Costs {@code O(log n)} per position returned from the heap, {@code O(1)} per
   * position from the run, and one look when none is.
   */
  public List<Integer> triggeredBelow(double price) {
    boolean fromHeap = size > 0 && Double.compare(heapPrice[0], price) > 0;
    boolean fromRun = runLive > 0 && Double.compare(runPrice[runHead], price) > 0;
    if (!fromHeap && !fromRun) {
      return new ArrayList<>(0);
    }
    List<Integer> out = new ArrayList<>();
    while (fromHeap || fromRun) {
      if (fromHeap && (!fromRun || before(heapPrice[0], heapOrder[0], runPrice[runHead], runOrder[runHead]))) {
        out.add(heap[0]);
        removeAt(0);
        fromHeap = size > 0 && Double.compare(heapPrice[0], price) > 0;
      } else {
        int position = runPos[runHead];
        out.add(position);
        leaveRun(position);
        fromRun = runLive > 0 && Double.compare(runPrice[runHead], price) > 0;
      }
    }
    return out;
  }

  /** The highest liquidation price indexed, or NaN when empty: the price at which the next liquidation comes. */
  public double highestLiquidationPrice() {
    if (runLive == 0) {
      return size == 0 ? Double.NaN : heapPrice[0];
    }
    if (size == 0) {
      return runPrice[runHead];
    }
    return before(heapPrice[0], heapOrder[0], runPrice[runHead], runOrder[runHead]) ? heapPrice[0] : runPrice[runHead];
  }

  /** The liquidation price of {@code position}, or NaN when it is not indexed. */
  public double liquidationPrice(int position) {
    if (position < 0 || position >= slot.length || slot[position] == -1) {
      return Double.NaN;
    }
    return slot[position] == PARKED ? runPrice[runAt[position]] : heapPrice[slot[position]];
  }

  public int size() {
    return size + runLive;
  }

  private void check(int position, double liquidationPrice) {
    if (Double.isNaN(liquidationPrice)) {
      throw new RuleViolation("liquidationPrice", "must be a number (was NaN)");
    }
    if (position < 0 || position > MAX_POSITION) {
      throw new RuleViolation("position", "must be in [0, " + MAX_POSITION + "] (was " + position + ")");
    }
    if (position >= slot.length) {
      grow(position);
    }
  }

  private void grow(int position) {
    int n = (int) Math.min(MAX_POSITION + 1L, Math.max(position + 1L, 2L * slot.length));
    int from = slot.length;
    slot = Arrays.copyOf(slot, n);
    runAt = Arrays.copyOf(runAt, n);
    Arrays.fill(slot, from, n, -1);
  }

  private void heapInsert(int position, double price, long order) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, 2 * heap.length);
      heapPrice = Arrays.copyOf(heapPrice, heap.length);
      heapOrder = Arrays.copyOf(heapOrder, heap.length);
    }
    siftUp(size++, position, price, order);
  }

  /** Takes {@code position} out of the run (it is parked); the head moves past what has left. */
  private void leaveRun(int position) {
    runPos[runAt[position]] = -1;
    slot[position] = -1;
    runLive--;
    if (runLive == 0) {
      runHead = 0;
      runTail = 0;
      return;
    }
    while (runPos[runHead] < 0) {
      runHead++;
    }
  }

  /** Moves every position of the run into the heap with its key, and empties the run. */
  private void flushRun() {
    for (int r = runHead; r < runTail; r++) {
      int position = runPos[r];
      if (position >= 0) {
        heapInsert(position, runPrice[r], runOrder[r]);
      }
    }
    runHead = 0;
    runTail = 0;
    runLive = 0;
  }

  /** Makes room at the run's end: drops what has left it, or doubles the arrays when all of it is live. */
  private void compactRun() {
    if (runLive == runTail - runHead && runHead == 0) {
      runPos = Arrays.copyOf(runPos, 2 * runPos.length);
      runPrice = Arrays.copyOf(runPrice, runPos.length);
      runOrder = Arrays.copyOf(runOrder, runPos.length);
      return;
    }
    int to = 0;
    for (int r = runHead; r < runTail; r++) {
      int position = runPos[r];
      if (position >= 0) {
        runPos[to] = position;
        runPrice[to] = runPrice[r];
        runOrder[to] = runOrder[r];
        runAt[position] = to++;
      }
    }
    runHead = 0;
    runTail = to;
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
