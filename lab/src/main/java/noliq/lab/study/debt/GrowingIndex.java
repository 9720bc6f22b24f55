package noliq.lab.study.debt;

import java.util.ArrayList;
import java.util.List;
import noliq.lab.engine.LiquidationIndex;

/**
 * Positions by the price under which they trigger, when their debts grow with interest. Every
 * position belongs to a rate class whose debts all grow by the same factor ({@link #grow}): one
 * class for Aave's reserve and Maker's ilk, one per user-set rate for Liquity. A class stores prices
 * divided by its growth so far, so interest moves every trigger of the class at once, without
 * re-indexing anyone: a position triggers below {@code price} when its stored price is above
 * {@code price / growth}. Not thread-safe: one per path.
 */
final class GrowingIndex {
  private final LiquidationIndex[] byClass;
  private final double[] growth;
  private final int[] classOf;

  /** An index of {@code classes} rate classes; position {@code i} is in class {@code classOf[i]} (all in 0 when null). */
  GrowingIndex(int classes, int[] classOf) {
    byClass = new LiquidationIndex[classes];
    for (int c = 0; c < classes; c++) {
      byClass[c] = new LiquidationIndex();
    }
    growth = new double[classes];
    java.util.Arrays.fill(growth, 1.0);
    this.classOf = classOf;
  }

  /** A one-class index. */
  GrowingIndex() {
    this(1, null);
  }

  private int classOf(int i) {
    return classOf == null ? 0 : classOf[i];
  }

  /** Indexes position {@code i} at {@code price} as its debt stands now, replacing any earlier entry. */
  void put(int i, double price) {
    int c = classOf(i);
    byClass[c].put(i, price / growth[c]);
  }

  /** {@link #put} for a position put back in the order {@link #triggeredBelow} handed it out ({@link LiquidationIndex#park}). */
  void park(int i, double price) {
    int c = classOf(i);
    byClass[c].park(i, price / growth[c]);
  }

  boolean remove(int i) {
    return byClass[classOf(i)].remove(i);
  }

  /** Every class-{@code c} debt has grown by {@code factor}. */
  void grow(int c, double factor) {
    growth[c] *= factor;
  }

  /** Removes and returns the positions that trigger below {@code price}: highest first within a class, classes in order. */
  List<Integer> triggeredBelow(double price) {
    if (byClass.length == 1) {
      return byClass[0].triggeredBelow(price / growth[0]);
    }
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < byClass.length; c++) {
      if (byClass[c].size() > 0) {
        out.addAll(byClass[c].triggeredBelow(price / growth[c]));
      }
    }
    return out;
  }

  /** The highest trigger price as debts stand now, or NaN when empty. */
  double highestLiquidationPrice() {
    double best = Double.NaN;
    for (int c = 0; c < byClass.length; c++) {
      double h = byClass[c].highestLiquidationPrice() * growth[c];
      if (!Double.isNaN(h) && (Double.isNaN(best) || h > best)) {
        best = h;
      }
    }
    return best;
  }

  int size() {
    int s = 0;
    for (LiquidationIndex x : byClass) {
      s += x.size();
    }
    return s;
  }
}
