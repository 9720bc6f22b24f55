package noliq.oracle.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The median of values in any order, and the whole range of k from 1 to every source. */
class PrivateMedianBoundaryTest {

  @Test
  void theMedianSortsFirst() {
    assertThat(PrivateMedian.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(PrivateMedian.median(new double[] {2000, 1000, 2010, 1990, 5000})).isEqualTo(2000);
    // even count: the mean of the two middle values of 1, 2, 3, 4
    assertThat(PrivateMedian.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void kMayBeOneOrEverySource() {
    List<SourceModel> sources = FeedsTest.sources(3);
    assertThat(PrivateMedian.pick(sources, 1, new SplittableRandom(1)).toString()).isEqualTo("PrivateMedian[1 private sources]");
    assertThat(PrivateMedian.pick(sources, 3, new SplittableRandom(1)).toString()).isEqualTo("PrivateMedian[3 private sources]");
  }
}
