package noliq.oracle.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.RequestKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EscalationGameTest {
  static final Token ETH = Token.ETH;
  static final AccountId ESCROW = AccountId.of("reality:escrow");
  static final AccountId FEES = AccountId.of("reality:fees");
  static final AccountId ARBITRATOR = AccountId.of("arbitrator");
  static final AccountId ASKER = AccountId.of("asker");
  static final AccountId A = AccountId.of("a");
  static final AccountId B = AccountId.of("b");
  static final AccountId C = AccountId.of("c");
  static final Instant T0 = Instant.parse("2026-09-25T08:00:00Z");
  static final RequestKey KEY = new RequestKey("ETH/USD", T0, "s1");
  static final Answer YES = Answer.value(Price.of(3000));
  static final Answer NO = Answer.value(Price.of(2000));
  static final Duration DAY = Duration.ofHours(24);

  TokenBook book;
  EscalationGame game;

  @BeforeEach
  void setUp() {
    book = new TokenBook();
    game = new EscalationGame(book, ETH, ESCROW, FEES, ARBITRATOR,
        new EscalationConfig(DAY, Amount.ONE, Amount.of(10)));
    for (AccountId p : List.of(ASKER, A, B, C)) {
      book.mint(ETH, p, Amount.of(1_000));
    }
    game.ask(KEY, ASKER, Amount.ZERO, T0);
  }

  Amount eth(String s) {
    return Amount.of(s);
  }

  void refused(Executable op, Class<? extends OracleError> reason, String message) {
    TokenBook.Snapshot before = book.snapshot();
    var q = game.get(KEY);
    int events = game.events().size();
    assertThatThrownBy(op::execute)
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(reason))
        .hasMessageContaining(message);
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(game.get(KEY)).isEqualTo(q);
    assertThat(game.events()).hasSize(events);
  }

  @Test
  void bondsDoubleTimeoutsResetAndTheWinnerTakesEarlierBondsLessTheClaimFee() {
    game.answer(KEY, A, YES, eth("1"), null, T0);
    game.answer(KEY, B, NO, eth("2"), null, T0.plus(Duration.ofHours(5)));
    Instant last = T0.plus(Duration.ofHours(20));
    var third = game.answer(KEY, A, YES, eth("4"), null, last);
    assertThat(third.finalizesAt()).isEqualTo(last.plus(DAY));
    assertThat(game.finalAnswer(KEY, last.plus(DAY).minusSeconds(1))).isEmpty();
    assertThat(game.finalAnswer(KEY, last.plus(DAY))).contains(YES);

    var claimed = game.claim(KEY, last.plus(DAY));
    // A gets 4 + (2 - 2/40) + (1 - 1/40) = 6.925; 0.075 withheld.
    assertThat(claimed.payments()).containsExactly(new EscalationEvent.Payment(A, eth("6.925")));
    assertThat(claimed.withheld()).isEqualTo(eth("0.075"));
    assertThat(book.balanceOf(A, ETH)).isEqualTo(eth("1001.925"));
    assertThat(book.balanceOf(B, ETH)).isEqualTo(eth("998"));
    assertThat(book.balanceOf(FEES, ETH)).isEqualTo(eth("0.075"));
    assertThat(book.balanceOf(ESCROW, ETH)).isEqualTo(Amount.ZERO);
  }

  @Test
  void anEarlierGiverOfTheRightAnswerIsPaidTheTakeoverFee() {
    game.answer(KEY, A, YES, eth("1"), null, T0);
    game.answer(KEY, B, NO, eth("2"), null, T0.plusSeconds(1));
    game.answer(KEY, C, YES, eth("4"), null, T0.plusSeconds(2));
    var claimed = game.claim(KEY, T0.plusSeconds(2).plus(DAY));
    // C: its 4 + B's 1.95 less A's takeover fee of 1 = 4.95; A: takeover 1 + own 0.975 = 1.975.
    assertThat(claimed.payments()).containsExactlyInAnyOrder(
        new EscalationEvent.Payment(C, eth("4.95")), new EscalationEvent.Payment(A, eth("1.975")));
    assertThat(claimed.withheld()).isEqualTo(eth("0.075"));
  }

  @Test
  void arbitrationFreezesTheQuestionAndCreditsTheRequesterWhenItOverturns() {
    game.answer(KEY, A, YES, eth("1"), null, T0);
    game.answer(KEY, B, NO, eth("2"), null, T0.plusSeconds(1));
    game.requestArbitration(KEY, C, null, T0.plusSeconds(2));
    assertThat(book.balanceOf(ARBITRATOR, ETH)).isEqualTo(eth("10"));
    assertThat(game.state(KEY, T0.plus(Duration.ofDays(30)))).isEqualTo(EscalationState.PENDING_ARBITRATION);
    refused(() -> game.answer(KEY, A, YES, eth("4"), null, T0.plusSeconds(3)), OracleError.WrongState.class,
        "answer is not allowed while the request is PENDING_ARBITRATION");
    refused(() -> game.claim(KEY, T0.plus(Duration.ofDays(30))), OracleError.NotFinal.class, "PENDING_ARBITRATION");

    Instant ruled = T0.plus(Duration.ofDays(30));
    game.arbitrate(KEY, YES, ruled);
    assertThat(game.finalAnswer(KEY, ruled)).contains(YES);
    var claimed = game.claim(KEY, ruled);
    // C (credited) takes B's 2, less A's takeover fee of 1; A gets 1 + 0.975.
    assertThat(claimed.payments()).containsExactlyInAnyOrder(
        new EscalationEvent.Payment(C, eth("1")), new EscalationEvent.Payment(A, eth("1.975")));
    assertThat(claimed.withheld()).isEqualTo(eth("0.025"));
    refused(() -> game.arbitrate(KEY, NO, ruled), OracleError.WrongState.class, "arbitrate is not allowed");
  }

  @Test
  void illegalMovesAreRefusedAndChangeNothing() {
    refused(() -> game.answer(KEY, A, YES, eth("0.5"), null, T0), OracleError.OutOfRange.class,
        "bond: must be at least the minimum bond 1 (was 0.5)");
    refused(() -> game.answer(KEY, A, YES, eth("1"), null, T0.minusSeconds(1)), OracleError.TooEarly.class, "answer is not allowed before");
    refused(() -> game.requestArbitration(KEY, C, null, T0), OracleError.WrongState.class, "unanswered");
    refused(() -> game.claim(KEY, T0), OracleError.NotFinal.class, "not final yet (OPEN)");
    refused(() -> game.ask(KEY, ASKER, Amount.ZERO, T0), OracleError.DuplicateRequest.class, "already exists");
    game.answer(KEY, A, YES, eth("1"), null, T0);
    refused(() -> game.answer(KEY, B, NO, eth("1.9"), null, T0), OracleError.OutOfRange.class,
        "bond: must be at least twice the current bond, 2 (was 1.9)");
    refused(() -> game.answer(KEY, B, NO, eth("2"), eth("0.5"), T0), OracleError.NotAllowed.class,
        "maxPrevious: the current bond 1 exceeds maxPrevious 0.5");
    refused(() -> game.arbitrate(KEY, NO, T0), OracleError.WrongState.class, "arbitrate is not allowed while the request is ANSWERED");
    refused(() -> game.answer(KEY, B, NO, eth("2"), null, T0.plus(DAY)), OracleError.TooLate.class,
        "now: answer closed at 2026-09-26T08:00:00Z");
    refused(() -> game.requestArbitration(KEY, C, null, T0.plus(DAY)), OracleError.TooLate.class, "arbitration closed");
    game.claim(KEY, T0.plus(DAY));
    refused(() -> game.claim(KEY, T0.plus(DAY)), OracleError.WrongState.class, "claim is not allowed while the request is CLAIMED");
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9, 77})
  void bondsAreConservedOverRandomGames(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    book = new TokenBook();
    game = new EscalationGame(book, ETH, ESCROW, FEES, ARBITRATOR, new EscalationConfig(DAY, Amount.ofWei(1_000_003), Amount.of(1)));
    List<AccountId> people = List.of(A, B, C, ASKER);
    for (AccountId p : people) {
      book.mint(ETH, p, Amount.of(1_000_000));
    }
    Amount supply = book.totalSupply(ETH);
    List<RequestKey> keys = java.util.stream.IntStream.range(0, 30).mapToObj(i -> new RequestKey("ETH/USD", T0, "q" + i)).toList();
    List<Answer> answers = List.of(YES, NO, Answer.INVALID);
    Instant now = T0;
    int claims = 0;
    for (int step = 0; step < 3_000; step++) {
      now = now.plusSeconds(rnd.nextInt(10) < 9 ? rnd.nextInt(3600) : rnd.nextInt(48 * 3600));
      RequestKey key = keys.get(Math.min(keys.size() - 2, step * keys.size() / 3_000) + rnd.nextInt(2));
      AccountId who = people.get(rnd.nextInt(people.size()));
      Answer answer = answers.get(rnd.nextInt(answers.size()));
      TokenBook.Snapshot before = book.snapshot();
      int events = game.events().size();
      Instant t = now;
      try {
        switch (rnd.nextInt(7)) {
          case 0 -> game.ask(key, who, Amount.ofWei(rnd.nextInt(1000)), t);
          case 1, 2 -> {
            Amount current = game.get(key).bond();
            Amount bond = current.isZero() ? Amount.ofWei(1_000_003 + rnd.nextInt(5)) : current.times(2).plus(Amount.ofWei(rnd.nextInt(3)));
            game.answer(key, who, answer, rnd.nextInt(20) == 0 ? bond.minus(Amount.ofWei(1)) : bond, null, t);
          }
          case 3 -> game.requestArbitration(key, who, null, t);
          case 4 -> game.arbitrate(key, answer, t);
          default -> {
            game.claim(key, t);
            claims++;
          }
        }
      } catch (RuleViolation refused) {
        assertThat(book.snapshot()).isEqualTo(before);
        assertThat(game.events()).hasSize(events);
      }
      assertThat(book.balanceOf(ESCROW, ETH)).isEqualTo(game.escrowed());
      assertThat(book.totalSupply(ETH)).isEqualTo(supply);
    }
    assertThat(claims).isGreaterThan(5);
  }
}
