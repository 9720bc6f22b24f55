package noliq.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import noliq.market.book.OrderBook;
import noliq.market.book.OrderBook.Side;
import noliq.market.book.OrderBook.TimeInForce;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Book orders matched per second. Each invocation rests {@code MAKERS} sell orders over 10 price
 * levels (escrowed in the token book), then one buy order sweeps them all: 2 x MAKERS order
 * placements and MAKERS matches, so the score (per operation) counts orders matched.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderBookBenchmark {
  static final int MAKERS = 100;
  private static final Token P = new Token("P:bench");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private final AccountId maker = AccountId.of("maker");
  private final AccountId taker = AccountId.of("taker");
  private OrderBook book;
  private Price[] prices;
  private Price sweepLimit;
  private Amount size;
  private Amount sweep;

  @Setup
  public void setUp() {
    TokenBook tokens = new TokenBook();
    book = new OrderBook(tokens, "P-ETH", P, Token.ETH);
    tokens.mint(P, maker, Amount.of(Long.MAX_VALUE / 1_000_000_000L));
    tokens.mint(Token.ETH, taker, Amount.of(Long.MAX_VALUE / 1_000_000_000L));
    prices = new Price[10];
    for (int i = 0; i < prices.length; i++) {
      prices[i] = new Price(Exact.WAD.multiply(java.math.BigInteger.valueOf(600 + i)).divide(java.math.BigInteger.valueOf(1000)));
    }
    sweepLimit = prices[prices.length - 1];
    size = Amount.of("1.5");
    sweep = size.times(MAKERS);
  }

  @Benchmark
  @OperationsPerInvocation(MAKERS)
  public OrderBook.Placement restThenSweep() {
    for (int i = 0; i < MAKERS; i++) {
      book.place(maker, Side.SELL, prices[i % prices.length], size, TimeInForce.GTC, NOW);
    }
    return book.place(taker, Side.BUY, sweepLimit, sweep, TimeInForce.IOC, NOW);
  }
}
