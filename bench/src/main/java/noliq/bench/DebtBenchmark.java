package noliq.bench;

import static noliq.debt.maker.DssMath.rad;
import static noliq.debt.maker.DssMath.ray;
import static noliq.debt.maker.DssMath.wad;

import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import noliq.debt.liquity.LiquityEngine;
import noliq.debt.liquity.LiquityParams;
import noliq.debt.maker.Abacus;
import noliq.debt.maker.ClipperParams;
import noliq.debt.maker.IlkParams;
import noliq.debt.maker.MakerEngine;
import noliq.debt.maker.MakerEvent;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the debt engines' liquidation paths: Clipper takes, full Maker bark-and-take
 * cycles, and Liquity liquidations through the Stability Pool and by redistribution.
 * Run: {@code java -jar bench/target/noliq-bench.jar DebtBenchmark -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DebtBenchmark {
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final AccountId ALICE = AccountId.of("alice");
  static final AccountId KEEPER = AccountId.of("keeper");

  /** One huge auction that partial takes nibble at, at a fixed moment (the price does not move). */
  @State(Scope.Thread)
  public static class Clipper {
    MakerEngine maker;
    long id;
    final BigInteger slice = wad("0.01");
    final BigInteger max = ray("100000");

    @Setup(Level.Iteration)
    public void setUp() {
      maker = new MakerEngine(rad("100000000000000000"));
      maker.addIlk(new IlkParams("ETH", ray("1.3"), rad("5000"), wad("1.13"), rad("100000000000000000"),
          ClipperParams.ethB()));
      maker.poke("ETH", Price.of(2000));
      maker.join("ETH", ALICE, wad("1000000000000"));
      maker.frob("ETH", ALICE, wad("1000000000000"), wad("1000000000000000"));
      maker.join("ETH", KEEPER, wad("10000000000000"));
      maker.frob("ETH", KEEPER, wad("10000000000000"), wad("5000000000000000"));
      maker.poke("ETH", Price.of(1000));
      id = maker.bark("ETH", ALICE, KEEPER, T0).id();
    }
  }

  @Benchmark
  public MakerEvent.Taken clipperPartialTake(Clipper s) {
    return s.maker.take(s.id, s.slice, s.max, KEEPER, T0);
  }

  /** A vault opened, pushed under water, barked and bought out in one take: one whole liquidation. */
  @State(Scope.Thread)
  public static class MakerCycle {
    MakerEngine maker;
    long round;

    @Setup(Level.Iteration)
    public void setUp() {
      maker = new MakerEngine(rad("100000000000000000"));
      maker.addIlk(new IlkParams("ETH", ray("1.3"), rad("5000"), wad("1.13"), rad("100000000000000000"),
          new ClipperParams(ray("1.2"), 5400, ray("0.4"), wad("0.001"), rad("300"),
              new Abacus.StairstepExponentialDecrease(ray("0.99"), 60))));
      maker.poke("ETH", Price.of(2000));
      maker.join("ETH", KEEPER, wad("10000000000000"));
      maker.frob("ETH", KEEPER, wad("10000000000000"), wad("5000000000000000"));
      maker.join("ETH", ALICE, wad("1000000000000"));
    }
  }

  @Benchmark
  public MakerEvent.Taken makerBarkAndTake(MakerCycle s) {
    MakerEngine m = s.maker;
    m.poke("ETH", Price.of(2000));
    m.frob("ETH", ALICE, wad("10"), wad("15000"));
    m.poke("ETH", Price.of(1900));
    long id = m.bark("ETH", ALICE, KEEPER, T0).id();
    return m.take(id, wad("10"), ray("3000"), KEEPER, T0.plusSeconds(1200));
  }

  /** A deep Stability Pool and a stream of troves that open and are liquidated against it. */
  @State(Scope.Thread)
  public static class Liquity {
    @org.openjdk.jmh.annotations.Param({"pool", "redistribution"})
    String path;
    TokenBook book;
    LiquityEngine engine;
    final AccountId victim = AccountId.of("victim");
    final Price high = Price.of(2000);
    final Price low = Price.of(1500);
    final Amount coll = Amount.of(3);
    final Amount debt = Amount.of(4000);

    @Setup(Level.Iteration)
    public void setUp() {
      book = new TokenBook();
      book.mint(Token.ETH, ALICE, Amount.of(1_000_000_000L));
      book.mint(Token.ETH, victim, Amount.of(1_000_000_000L));
      engine = new LiquityEngine(book, LiquityParams.v1());
      engine.setPrice(high);
      engine.openTrove(ALICE, Amount.of(100_000_000L), Amount.of(10_000_000_000L));
      if (path.equals("pool")) {
        engine.provideToPool(ALICE, Amount.of(10_000_000_000L));
      }
    }
  }

  @Benchmark
  public Object liquityOpenAndLiquidate(Liquity s) {
    LiquityEngine e = s.engine;
    e.setPrice(s.high);
    e.openTrove(s.victim, s.coll, s.debt);
    e.setPrice(s.low);
    return e.liquidate(s.victim, KEEPER);
  }
}
