package noliq.bench;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import noliq.debt.aave.AaveEvent;
import noliq.debt.aave.LiquidationLogic;
import noliq.debt.aave.Pool;
import noliq.debt.aave.Position;
import noliq.debt.aave.ReserveConfig;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Aave v3.3 liquidations per second.
 *
 * <ul>
 *   <li>{@code poolLiquidation}: the whole {@link Pool#liquidate} path (account data over four
 *       reserves, the plan, the all-or-nothing book transfers and state updates, the event) on a
 *       large account kept below {@code LT x LB}, so every call is a real partial liquidation
 *       (100 GHO against ETH) and the account stays liquidatable for the whole run.
 *   <li>{@code planOnly}: the pure rule, {@link LiquidationLogic#plan}, on the same kind of account.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AaveLiquidationBenchmark {
  private static final Token GHO = ReserveConfig.gho().asset();
  private static final AccountId BORROWER = AccountId.of("borrower");
  private static final AccountId LIQUIDATOR = AccountId.of("liquidator");
  private static final Amount COVER = Amount.of(100);

  private Pool pool;
  private List<Position> positions;
  private final BigInteger cover = COVER.wei();

  @Setup
  public void setUp() {
    TokenBook book = new TokenBook();
    pool = new Pool(book);
    pool.listReserve(ReserveConfig.weth());
    pool.listReserve(ReserveConfig.wsteth());
    pool.listReserve(ReserveConfig.usdc());
    pool.listReserve(ReserveConfig.gho());
    pool.setPrice(ReserveConfig.wsteth().asset(), Price.of(2000));
    pool.setPrice(ReserveConfig.usdc().asset(), Price.of(1));
    pool.setPrice(GHO, Price.of(1));
    AccountId lp = AccountId.of("lp");
    book.mint(GHO, lp, Amount.of(100_000_000_000L));
    pool.supply(lp, GHO, Amount.of(100_000_000_000L));
    book.mint(Token.ETH, BORROWER, Amount.of(10_000_000L));
    book.mint(GHO, LIQUIDATOR, Amount.of(1_000_000_000_000L));
    // 10 million ETH borrowed against at a high price; at $2,000 the health factor is 0.80 (< 0.8715).
    pool.setPrice(Token.ETH, Price.of(100_000));
    pool.supply(BORROWER, Token.ETH, Amount.of(10_000_000L));
    pool.borrow(BORROWER, GHO, Amount.of(20_750_000_000L));
    pool.setPrice(Token.ETH, Price.of(2000));
    positions = pool.positions(BORROWER);
  }

  @Benchmark
  public AaveEvent.LiquidationCall poolLiquidation() {
    return pool.liquidate(LIQUIDATOR, BORROWER, Token.ETH, GHO, COVER, false);
  }

  @Benchmark
  public LiquidationLogic.LiquidationPlan planOnly() {
    return LiquidationLogic.plan(BORROWER, positions, null, Token.ETH, GHO, cover);
  }
}
