package noliq.wrapper.agent;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.wrapper.port.PriceView;

/**
 * The post's hidden oracle: "their locally running agent queries a dozen financial news sites, no one
 * else knows which ones, and takes the median". Each reading picks {@code k} of the view's n sources
 * at random (the caller's generator), reads them, and takes the median of those that answered. With
 * fewer than a majority of the k answering there is no price. The median of an even count is the
 * mean of the middle two, rounded down.
 */
public record PrivateMedian(int k) {
  public PrivateMedian {
    if (k < 1) {
      throw new RuleViolation("k", "must be at least 1 (was " + k + ")");
    }
  }

  /** One reading: which sources were asked, what they said, and the median if a majority answered. */
  public record Reading(List<String> asked, List<Price> answers, Optional<Price> median) {}

  public Reading read(PriceView view, RandomGenerator rng) {
    int n = view.sources().size();
    if (n < k) {
      throw new RuleViolation("k", "must not exceed the number of sources " + n + " (was " + k + ")");
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // a partial Fisher-Yates shuffle: the first k are a uniform sample without replacement
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    List<String> asked = new ArrayList<>(k);
    List<Price> answers = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      asked.add(view.sources().get(order[i]));
      view.read(order[i]).filter(Price::isPositive).ifPresent(answers::add);
    }
    if (answers.size() * 2 <= k) {
      return new Reading(List.copyOf(asked), List.copyOf(answers), Optional.empty());
    }
    return new Reading(List.copyOf(asked), List.copyOf(answers), Optional.of(median(answers)));
  }

  /** The median of {@code prices}; of an even count, the mean of the middle two rounded down. */
  public static Price median(List<Price> prices) {
    if (prices.isEmpty()) {
      throw new RuleViolation("prices", "the median needs at least one price");
    }
    List<Price> sorted = prices.stream().sorted().toList();
    int m = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(m);
    }
    return new Price(sorted.get(m - 1).units().add(sorted.get(m).units()).shiftRight(1).max(BigInteger.ZERO));
  }
}
