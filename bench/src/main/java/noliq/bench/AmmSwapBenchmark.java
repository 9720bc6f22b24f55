package noliq.bench;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import noliq.market.MarketEvent;
import noliq.market.amm.ConstantProductPool;
import noliq.market.amm.FeeSchedule;
import noliq.math.Amount;
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
 * Swaps per second through a constant-product pool: exact BigInteger reserves in the shared token
 * book, the uniindex fee ramp, an atomic two-transfer settlement. Each invocation swaps both ways
 * (2 operations), which keeps the pool near its starting price; the score is swaps per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AmmSwapBenchmark {
  private static final Token P = new Token("P:bench");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private final AccountId trader = AccountId.of("trader");
  private ConstantProductPool pool;
  private Amount pIn;
  private Amount ethIn;

  @Setup
  public void setUp() {
    TokenBook book = new TokenBook();
    Instant maturity = NOW.plusSeconds(10 * 86_400);
    pool = new ConstantProductPool(book, "P-ETH", P, Token.ETH, FeeSchedule.RampToMaturity.uniindex(maturity),
        Optional.of(maturity));
    AccountId lp = AccountId.of("lp");
    book.mint(P, lp, Amount.of(1_000_000));
    book.mint(Token.ETH, lp, Amount.of(600_000));
    pool.addLiquidity(lp, Amount.of(1_000_000), Amount.of(600_000), NOW);
    book.mint(P, trader, Amount.of(1_000_000_000L));
    book.mint(Token.ETH, trader, Amount.of(1_000_000_000L));
    pIn = Amount.of("10.5");
    ethIn = Amount.of("6.3");
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public MarketEvent.Swapped swapPair() {
    pool.swapExactIn(trader, P, pIn, Amount.ZERO, NOW);
    return pool.swapExactIn(trader, Token.ETH, ethIn, Amount.ZERO, NOW);
  }
}
