package noliq.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;
import noliq.oracle.feeds.ObservationLog;
import noliq.oracle.feeds.PrivateMedian;
import noliq.oracle.feeds.PushFeed;
import noliq.oracle.feeds.PushFeedConfig;
import noliq.oracle.feeds.SourceModel;
import noliq.oracle.feeds.Twap;
import noliq.oracle.optimistic.OptimisticConfig;
import noliq.oracle.optimistic.OptimisticOracle;
import noliq.oracle.vote.TokenVote;
import noliq.oracle.vote.VoteConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Oracle operations per second: a whole undisputed settlement (request, propose, settle after
 * liveness), a one-hour TWAP read from a week of 12-second pool observations, a push-feed
 * observation, and a private 7-of-12 median read.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class OracleBenchmark {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Token USDC = new Token("USDC");
  private static final AccountId PROPOSER = AccountId.of("proposer");
  private static final Answer X = Answer.value(Price.of(3000));

  private OptimisticOracle oracle;
  private long next;
  private ObservationLog week;
  private Instant weekEnd;
  private PushFeed feed;
  private SplittableRandom rng;
  private PrivateMedian median;
  private Instant clock;

  @Setup(Level.Iteration)
  public void setUp() {
    TokenBook book = new TokenBook();
    TokenVote vote = new TokenVote(book, new Token("UMA"), AccountId.of("pool"), AccountId.of("treasury"), VoteConfig.uma(Amount.ONE));
    oracle = new OptimisticOracle(book, USDC, AccountId.of("escrow"), AccountId.of("store"), vote,
        OptimisticConfig.uma(Amount.of(500), Amount.of(250)));
    book.mint(USDC, PROPOSER, Amount.of(750));
    next = 0;
    rng = new SplittableRandom(1);
    week = new ObservationLog();
    double p = 3000;
    Instant t = T0;
    for (int i = 0; i < 7 * 24 * 300; i++) {
      p *= Math.exp(0.0005 * rng.nextGaussian());
      week.record(Price.fromDouble(p, noliq.math.Rounding.DOWN), t);
      t = t.plusSeconds(12);
    }
    weekEnd = t;
    feed = new PushFeed(PushFeedConfig.ethUsd(Duration.ofSeconds(12)));
    clock = T0;
    List<SourceModel> sources = IntStream.range(0, 12)
        .mapToObj(i -> new SourceModel("s" + i, 0.002, Duration.ofSeconds(i * 5L), 0.05)).toList();
    median = PrivateMedian.pick(sources, 7, rng);
  }

  @Benchmark
  public Object undisputedSettlement() {
    RequestKey key = new RequestKey("ETH/USD", T0, Long.toString(next++));
    oracle.request(key, PROPOSER, Amount.ZERO, T0);
    oracle.propose(key, PROPOSER, X, T0);
    return oracle.settle(key, T0.plus(Duration.ofHours(2)));
  }

  @Benchmark
  public Price twapOneHourOverAWeek() {
    return Twap.over(week, Duration.ofHours(1), weekEnd);
  }

  @Benchmark
  public Object pushFeedObserve() {
    clock = clock.plusSeconds(12);
    return feed.observe(Price.fromDouble(3000 * Math.exp(0.003 * rng.nextGaussian()), noliq.math.Rounding.DOWN), clock);
  }

  @Benchmark
  public Object privateMedianRead() {
    return median.read(t -> 3000.0, T0, rng);
  }
}
