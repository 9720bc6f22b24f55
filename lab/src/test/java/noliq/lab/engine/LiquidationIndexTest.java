package noliq.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class LiquidationIndexTest {
  private static final int A = 0;
  private static final int B = 1;
  private static final int C = 2;
  private static final int D = 3;

  @Test
  void handsOutPositionsStrictlyAboveThePriceHighestFirst() {
    LiquidationIndex index = new LiquidationIndex();
    index.put(A, 2000);
    index.put(B, 1500);
    index.put(C, 2000);
    index.put(D, 1800);
    assertThat(index.triggeredBelow(2000)).isEmpty(); // a and c are at the line, not below it
    assertThat(index.highestLiquidationPrice()).isEqualTo(2000);
    assertThat(index.triggeredBelow(1799)).containsExactly(A, C, D);
    assertThat(index.size()).isEqualTo(1);
    index.put(B, 2100); // the position got riskier: re-indexed
    assertThat(index.liquidationPrice(B)).isEqualTo(2100);
    assertThat(index.triggeredBelow(2050)).containsExactly(B);
    assertThat(index.highestLiquidationPrice()).isNaN();
    assertThat(index.remove(B)).isFalse();
    assertThat(index.remove(1_000)).isFalse();
    assertThat(index.liquidationPrice(1_000)).isNaN();
    assertThatThrownBy(() -> index.put(7, Double.NaN)).isInstanceOf(RuleViolation.class)
        .hasMessage("liquidationPrice: must be a number (was NaN)");
    assertThatThrownBy(() -> index.put(-1, 100)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("position: must be in [0, ");
    assertThat(index.size()).isZero();
  }

  @Test
  void aPositionPutAgainAtTheSamePriceGoesOutAfterTheOthersAtThatPrice() {
    LiquidationIndex index = new LiquidationIndex();
    index.put(A, 2000);
    index.put(B, 2000);
    index.put(C, 2000);
    index.put(A, 2000);
    assertThat(index.triggeredBelow(1000)).containsExactly(B, C, A);
  }

  /**
   * The exact order of a tree of (price, put count) entries, the index's earlier form, as a reference:
   * every operation of long seeded sequences (over 10^6 in all; prices from a small set, with -0.0 and
   * 0.0, so that ties are common; positions sparse so that the arrays grow; positions parked back as a
   * book's step does, so that the run and the heap both hand out) hands out the same positions in the
   * same order, and reports the same size, highest price and per-position price.
   */
  @Test
  void agreesWithATreeOfEntriesOverLongRandomSequences() {
    record Entry(double price, long order, int position) {}
    Comparator<Entry> outLast = Comparator.<Entry>comparingDouble(e -> e.price()).thenComparing(Entry::order,
        Comparator.reverseOrder());
    long operations = 0;
    for (long seed = 1; seed <= 8; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      LiquidationIndex index = new LiquidationIndex();
      TreeSet<Entry> tree = new TreeSet<>(outLast);
      Map<Integer, Entry> entryOf = new HashMap<>();
      long puts = 0;
      int positions = 50 + random.nextInt(2_000);
      for (int op = 0; op < 130_000; op++, operations++) {
        int id = random.nextInt(positions);
        switch (random.nextInt(8)) {
          case 0, 1, 6 -> {
            double p = random.nextInt(16) == 0 ? (random.nextBoolean() ? -0.0 : 0.0) : 1000 + random.nextInt(60) * 10;
            // parking is putting, whether or not the position is indexed and whatever its price
            boolean park = random.nextInt(3) == 0;
            if (park) {
              index.park(id, p);
            } else {
              index.put(id, p);
            }
            Entry e = new Entry(p, puts++, id);
            Entry before = entryOf.put(id, e);
            if (before != null) {
              tree.remove(before);
            }
            tree.add(e);
          }
          case 7 -> {
            // A book's step: what the price triggers comes out, and most of it is parked back in the same
            // order, mostly at the same price (at a slightly different one now and then: the run must
            // give way), the rest put or left out.
            double price = 1000 + random.nextInt(60) * 10;
            List<Entry> out = new ArrayList<>();
            while (!tree.isEmpty() && Double.compare(tree.last().price(), price) > 0) {
              Entry e = tree.pollLast();
              entryOf.remove(e.position());
              out.add(e);
            }
            assertThat(index.triggeredBelow(price)).containsExactlyElementsOf(out.stream().map(Entry::position).toList());
            for (Entry e : out) {
              int fate = random.nextInt(20);
              if (fate == 0) {
                continue;
              }
              double p = fate == 1 ? e.price() + 10 * (random.nextInt(3) - 1) : e.price();
              if (fate == 2) {
                index.put(e.position(), p);
              } else {
                index.park(e.position(), p);
              }
              Entry back = new Entry(p, puts++, e.position());
              entryOf.put(e.position(), back);
              tree.add(back);
              operations++;
            }
          }
          case 2 -> {
            Entry e = entryOf.remove(id);
            if (e != null) {
              tree.remove(e);
            }
            assertThat(index.remove(id)).isEqualTo(e != null);
          }
          case 3 -> assertThat(Double.doubleToRawLongBits(index.liquidationPrice(id)))
              .isEqualTo(Double.doubleToRawLongBits(entryOf.containsKey(id) ? entryOf.get(id).price() : Double.NaN));
          default -> {
            double price = random.nextInt(8) == 0 ? 0.0 : 1000 + random.nextInt(60) * 10;
            List<Integer> expected = new ArrayList<>();
            while (!tree.isEmpty() && Double.compare(tree.last().price(), price) > 0) {
              Entry e = tree.pollLast();
              entryOf.remove(e.position());
              expected.add(e.position());
            }
            assertThat(index.triggeredBelow(price)).containsExactlyElementsOf(expected);
          }
        }
        assertThat(index.size()).isEqualTo(entryOf.size());
        double highest = tree.isEmpty() ? Double.NaN : tree.last().price();
        assertThat(Double.doubleToRawLongBits(index.highestLiquidationPrice())).isEqualTo(Double.doubleToRawLongBits(highest));
      }
    }
    assertThat(operations).isGreaterThanOrEqualTo(1_000_000);
  }
}
