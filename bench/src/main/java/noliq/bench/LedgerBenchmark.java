package noliq.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import noliq.options.IndexId;
import noliq.options.Leg;
import noliq.options.OptionsLedger;
import noliq.options.ReportedResolutions;
import noliq.options.Resolution;
import noliq.options.Series;
import noliq.options.SeriesId;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Ledger operations per second. {@code splitMerge} and {@code transfer} are single operations on
 * a warm ledger; {@code lifecycle} is one deposit, split, two transfers, two redemptions.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class LedgerBenchmark {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final AccountId ALICE = AccountId.of("alice");
  private static final AccountId BOB = AccountId.of("bob");
  private static final Amount ONE = Amount.of("1.5");

  private OptionsLedger ledger;
  private Series series;
  private SeriesId id;
  private Series settled;
  private SeriesId settledId;

  @Setup(Level.Iteration)
  public void setUp() {
    ReportedResolutions oracle = new ReportedResolutions();
    ledger = new OptionsLedger(new TokenBook(), oracle);
    series = Series.pn(IndexId.ETH_USD, Price.of(1500), NOW.plusSeconds(86_400 * 30));
    id = ledger.list(series);
    settled = Series.pn(IndexId.ETH_USD, Price.of(1500), NOW.minusSeconds(3600));
    settledId = ledger.list(settled);
    oracle.report(settled, new Resolution.Value(Price.of("2712.345678901234567")));
    ledger.settle(settledId, NOW);
    ledger.deposit(ALICE, Amount.of(1_000_000_000L));
  }

  @Benchmark
  public void splitMerge(Blackhole bh) {
    bh.consume(ledger.split(ALICE, id, ONE, NOW));
    bh.consume(ledger.merge(ALICE, id, ONE, NOW));
  }

  @Benchmark
  public Object transfer() {
    ledger.transfer(ALICE, BOB, noliq.math.book.Token.ETH, ONE);
    return ledger.transfer(BOB, ALICE, noliq.math.book.Token.ETH, ONE);
  }

  @Benchmark
  public void lifecycle(Blackhole bh) {
    bh.consume(ledger.deposit(BOB, ONE));
    bh.consume(ledger.split(BOB, settledId, ONE, NOW));
    bh.consume(ledger.transfer(BOB, ALICE, settled.nToken(), ONE));
    bh.consume(ledger.transfer(ALICE, BOB, settled.nToken(), ONE));
    bh.consume(ledger.redeem(BOB, settledId, Leg.P, ONE, NOW));
    bh.consume(ledger.redeem(BOB, settledId, Leg.N, ONE, NOW));
  }
}
