package noliq.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class LiquidationIndexTest {
  @Test
  void handsOutPositionsStrictlyAboveThePriceHighestFirst() {
    LiquidationIndex<String> index = new LiquidationIndex<>();
    index.put("a", 2000);
    index.put("b", 1500);
    index.put("c", 2000);
    index.put("d", 1800);
    assertThat(index.triggeredBelow(2000)).isEmpty(); // a and c are at the line, not below it
    assertThat(index.highestLiquidationPrice()).isEqualTo(2000);
    assertThat(index.triggeredBelow(1799)).containsExactly("a", "c", "d");
    assertThat(index.size()).isEqualTo(1);
    index.put("b", 2100); // the position got riskier: re-indexed
    assertThat(index.liquidationPrice("b")).isEqualTo(2100);
    assertThat(index.triggeredBelow(2050)).containsExactly("b");
    assertThat(index.highestLiquidationPrice()).isNaN();
    assertThat(index.remove("b")).isFalse();
    assertThatThrownBy(() -> index.put("x", Double.NaN)).isInstanceOf(RuleViolation.class)
        .hasMessage("liquidationPrice: must be a number (was NaN)");
  }

  @Test
  void agreesWithAScanOfEveryPositionOverLongRandomSequences() {
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      LiquidationIndex<Integer> index = new LiquidationIndex<>();
      Map<Integer, Double> naive = new HashMap<>();
      for (int op = 0; op < 5_000; op++) {
        int id = random.nextInt(300);
        switch (random.nextInt(4)) {
          case 0, 1 -> {
            double p = 1000 + random.nextInt(1000);
            index.put(id, p);
            naive.put(id, p);
          }
          case 2 -> assertThat(index.remove(id)).isEqualTo(naive.remove(id) != null);
          default -> {
            double price = 1000 + random.nextInt(1000);
            List<Integer> expected = new ArrayList<>();
            naive.forEach((k, v) -> {
              if (v > price) {
                expected.add(k);
              }
            });
            List<Integer> got = index.triggeredBelow(price);
            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
            for (int i = 1; i < got.size(); i++) {
              assertThat(naive.get(got.get(i - 1))).isGreaterThanOrEqualTo(naive.get(got.get(i)));
            }
            expected.forEach(naive::remove);
          }
        }
        assertThat(index.size()).isEqualTo(naive.size());
      }
    }
  }
}
