package noliq.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's contract as a caller sees it: each operation returns the very event it emitted, its
 * own counters roll back with the book when an enclosing transaction fails, a non-positive amount is
 * refused by the ledger itself (not by whatever the book happens to check), and each refusal names
 * the field at fault. The payoffs' edges are checked where the two sides of a comparison differ.
 */
class LedgerContractTest {
  private static final AccountId ALICE = AccountId.of("alice");
  private static final AccountId BOB = AccountId.of("bob");
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant MATURITY = Instant.parse("2026-07-31T08:00:00Z");

  private TokenBook book;
  private ReportedResolutions oracle;
  private List<LedgerEvent> events;
  private OptionsLedger ledger;
  private Series series;
  private SeriesId id;

  @BeforeEach
  void setUp() {
    book = new TokenBook();
    oracle = new ReportedResolutions();
    events = new ArrayList<>();
    ledger = new OptionsLedger(book, oracle, events::add);
    series = Series.pn(IndexId.ETH_USD, Price.of(1500), MATURITY);
    id = ledger.list(series);
  }

  @Test
  void everyOperationReturnsTheEventItEmitted() {
    var deposited = ledger.deposit(ALICE, Amount.of(5));
    assertThat(deposited).isEqualTo(new LedgerEvent.Deposited(ALICE, Amount.of(5))).isSameAs(last());
    var split = ledger.split(ALICE, id, Amount.of(2), T0);
    assertThat(split).isEqualTo(new LedgerEvent.Split(ALICE, id, Amount.of(2))).isSameAs(last());
    var transferred = ledger.transfer(ALICE, BOB, series.nToken(), Amount.of(2));
    assertThat(transferred).isEqualTo(new LedgerEvent.Transferred(ALICE, BOB, series.nToken(), Amount.of(2)))
        .isSameAs(last());
    var withdrawn = ledger.withdraw(ALICE, Amount.of(3));
    assertThat(withdrawn).isEqualTo(new LedgerEvent.Withdrawn(ALICE, Amount.of(3))).isSameAs(last());
    // 5 in, 3 out: the ledger must still hold 2 ETH, all of it locked for the series.
    assertThat(ledger.netDeposits()).isEqualTo(Amount.of(2));
    assertThat(ledger.locked(id)).isEqualTo(Amount.of(2));
    assertThat(ledger.book()).isSameAs(book);
    assertThat(ledger.series(id)).contains(series);
    assertThat(ledger.allSeries()).containsExactly(java.util.Map.entry(id, series));
  }

  @Test
  void depositAndWithdrawCountersRollBackWithAFailedEnclosingTransaction() {
    ledger.deposit(ALICE, Amount.of(4));
    assertThatThrownBy(() -> book.atomically(() -> {
      ledger.deposit(BOB, Amount.of(7));
      throw new IllegalStateException("the enclosing operation fails after the deposit");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(ledger.netDeposits()).isEqualTo(Amount.of(4));
    assertThat(ledger.balance(BOB, Token.ETH)).isEqualTo(Amount.ZERO);

    assertThatThrownBy(() -> book.atomically(() -> {
      ledger.withdraw(ALICE, Amount.of(1));
      throw new IllegalStateException("the enclosing operation fails after the withdrawal");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(ledger.netDeposits()).isEqualTo(Amount.of(4));
    assertThat(ledger.balance(ALICE, Token.ETH)).isEqualTo(Amount.of(4));
  }

  @Test
  void theLedgerItselfRefusesAZeroAmountInEveryOperation() {
    ledger.deposit(ALICE, Amount.of(3));
    ledger.split(ALICE, id, Amount.of(1), T0);
    var before = book.snapshot();
    int emitted = events.size();
    List<Runnable> zeroes = List.of(
        () -> ledger.deposit(ALICE, Amount.ZERO),
        () -> ledger.withdraw(ALICE, Amount.ZERO),
        () -> ledger.transfer(ALICE, BOB, Token.ETH, Amount.ZERO),
        () -> ledger.split(ALICE, id, Amount.ZERO, T0),
        () -> ledger.merge(ALICE, id, Amount.ZERO, T0),
        () -> ledger.deposit(ALICE, null));
    for (Runnable zero : zeroes) {
      assertThatThrownBy(zero::run).isInstanceOfSatisfying(OptionsException.class, e -> {
        assertThat(e.error()).isInstanceOf(OptionsError.NonPositiveAmount.class);
        assertThat(e.field()).isEqualTo("amount");
      });
    }
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(events).hasSize(emitted);
    // A missing amount is reported as zero, the value the refusal can state.
    assertThatThrownBy(() -> ledger.withdraw(ALICE, null)).isInstanceOfSatisfying(OptionsException.class,
        e -> assertThat(e.error()).isEqualTo(new OptionsError.NonPositiveAmount(Amount.ZERO)));
  }

  @Test
  void refusalsNameTheFieldAtFault() {
    ledger.deposit(ALICE, Amount.of(1));
    ledger.split(ALICE, id, Amount.of(1), T0);
    assertThatThrownBy(() -> ledger.settle(id, MATURITY.minusSeconds(1)))
        .isInstanceOfSatisfying(OptionsException.class, e -> {
          assertThat(e.field()).isEqualTo("now");
          assertThat(e.rule()).contains(MATURITY.toString()).contains(MATURITY.minusSeconds(1).toString());
        });
    assertThatThrownBy(() -> ledger.redeem(ALICE, id, Leg.P, Amount.of(1), MATURITY))
        .isInstanceOfSatisfying(OptionsException.class, e -> {
          assertThat(e.field()).isEqualTo("series");
          assertThat(e.rule()).contains(id.hex()).contains("not settled");
        });
    var collision = new OptionsError.SeriesIdCollision(id);
    assertThat(collision.field()).isEqualTo("series");
    assertThat(collision.rule()).contains(id.hex()).contains("different series");
  }

  @Test
  void aBinaryAtTheStrikePaysPTheWholeEth() {
    // The post's binary: P is paid when x <= S, so x = S exactly is P's.
    var binary = new Payoff.Binary();
    assertThat(binary.pPayoutPerUnit(Price.of(1500), Price.of(1500))).isEqualTo(Amount.ONE);
    assertThat(binary.pPayoutPerUnit(Price.of("1500.000001"), Price.of(1500))).isEqualTo(Amount.ZERO);
  }

  @Test
  void aLinearRangeWhoseUpperBoundEqualsTheStrikeIsRefused() {
    var degenerate = new Payoff.LinearRange(Price.of(1500));
    assertThatThrownBy(() -> degenerate.validate(Price.of(1500)))
        .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("upper"));
    new Payoff.LinearRange(Price.of("1500.000001")).validate(Price.of(1500));
  }

  @Test
  void theDescriptionNamesThePayoffSoDifferentPayoffsGetDifferentIds() {
    var binary = new Series(IndexId.ETH_USD, Price.of(1500), MATURITY, new Payoff.Binary());
    var linear = new Series(IndexId.ETH_USD, Price.of(1500), MATURITY, new Payoff.LinearRange(Price.of(3000)));
    assertThat(binary.describe()).endsWith(" binary");
    assertThat(linear.describe()).endsWith(" linear-range:" + Price.of(3000).units());
    assertThat(series.describe()).endsWith(" covered-call");
    assertThat(binary.id()).isNotEqualTo(linear.id()).isNotEqualTo(series.id());
    assertThat(id.toString()).isEqualTo(id.hex());
    assertThat(series.index()).isEqualTo(IndexId.ETH_USD);
    var same = Series.pn(IndexId.ETH_USD, Price.of(1500), MATURITY);
    assertThat(same).isEqualTo(series).hasSameHashCodeAs(series);
    assertThat(series.hashCode()).isNotEqualTo(Series.pn(IndexId.ETH_USD, Price.of(1600), MATURITY).hashCode());
    assertThat(series.toString()).contains("strike=" + Price.of(1500)).contains("id=" + id);
  }

  private LedgerEvent last() {
    return events.getLast();
  }
}
