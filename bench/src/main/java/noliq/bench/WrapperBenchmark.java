package noliq.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import noliq.options.OptionsLedger;
import noliq.options.ReportedResolutions;
import noliq.wrapper.policy.ExposureThreshold;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollDecision;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.vault.VaultConfig;
import noliq.wrapper.vault.VaultEvent;
import noliq.wrapper.vault.WrapperVault;
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
 * Wrapper operations per second: a roll decision by an exact-price rule (Kyrrui), one by the model's
 * ETH exposure (the threshold policy, which prices P), and a vault deposit followed by the
 * withdrawal of the shares it minted (split, N handed back, shares minted and burned, pro-rata slice).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WrapperBenchmark {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  private static final AccountId ALICE = AccountId.of("alice");

  private final KyrruiTracker kyrrui = KyrruiTracker.defaults();
  private final ExposureThreshold threshold = ExposureThreshold.defaults();
  private final Optional<Position> held =
      Optional.of(new Position(Price.of(1250), NOW.plus(Duration.ofDays(20)), Price.of(2500), NOW.minusSeconds(86_400)));
  private final Observation obs = new Observation(Price.of("2123.45"), NOW, 0.8);

  private OptionsLedger ledger;
  private WrapperVault vault;

  @Setup(Level.Iteration)
  public void setUp() {
    ledger = new OptionsLedger(new TokenBook(), new ReportedResolutions());
    vault = new WrapperVault(VaultConfig.of("bench", kyrrui), ledger, r -> new TradeOutcome.Unfilled("none"), now -> obs);
    ledger.deposit(ALICE, Amount.of(1_000_000_000L));
    vault.deposit(ALICE, Amount.of(10), NOW);
  }

  @Benchmark
  public RollDecision kyrruiDecide() {
    return kyrrui.decide(held, obs);
  }

  @Benchmark
  public RollDecision exposureThresholdDecide() {
    return threshold.decide(held, obs);
  }

  @Benchmark
  public VaultEvent.Withdrawn vaultDepositWithdraw() {
    VaultEvent.Deposited d = vault.deposit(ALICE, Amount.of("1.5"), NOW);
    return vault.withdraw(ALICE, d.shares());
  }
}
