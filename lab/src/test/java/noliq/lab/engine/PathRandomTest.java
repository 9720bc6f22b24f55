package noliq.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathRandomTest {
  @Test
  void aPathsStreamDependsOnlyOnSeedPathAndStream() {
    long first = PathRandom.forPath(42, 7).nextLong();
    assertThat(PathRandom.forPath(42, 7).nextLong()).isEqualTo(first);
    assertThat(PathRandom.forPath(42, 7, 0).nextLong()).isEqualTo(first);
    assertThat(PathRandom.forPath(42, 8).nextLong()).isNotEqualTo(first);
    assertThat(PathRandom.forPath(43, 7).nextLong()).isNotEqualTo(first);
    assertThat(PathRandom.forPath(42, 7, 1).nextLong()).isNotEqualTo(first);
  }

  @Test
  void neighbouringSeedsAndPathsGiveDistinctStreams() {
    Set<Long> firsts = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      for (long path = 0; path < 200; path++) {
        firsts.add(PathRandom.forPath(seed, path).nextLong());
      }
    }
    assertThat(firsts).hasSize(50 * 200);
  }

  @Test
  void theStreamsAreUniform() {
    // the mean of 100,000 uniforms from 1,000 paths is 1/2 within 4 standard errors (sd 1/sqrt(12))
    double sum = 0;
    int n = 0;
    for (int p = 0; p < 1_000; p++) {
      var rng = PathRandom.forPath(1, p);
      for (int i = 0; i < 100; i++) {
        sum += rng.nextDouble();
        n++;
      }
    }
    assertThat(Math.abs(sum / n - 0.5)).isLessThan(4 / Math.sqrt(12.0 * n));
  }
}
