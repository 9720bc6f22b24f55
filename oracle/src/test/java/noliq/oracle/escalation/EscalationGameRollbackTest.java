package noliq.oracle.escalation;

import static noliq.oracle.escalation.EscalationGameTest.A;
import static noliq.oracle.escalation.EscalationGameTest.ARBITRATOR;
import static noliq.oracle.escalation.EscalationGameTest.ASKER;
import static noliq.oracle.escalation.EscalationGameTest.B;
import static noliq.oracle.escalation.EscalationGameTest.C;
import static noliq.oracle.escalation.EscalationGameTest.DAY;
import static noliq.oracle.escalation.EscalationGameTest.ESCROW;
import static noliq.oracle.escalation.EscalationGameTest.ETH;
import static noliq.oracle.escalation.EscalationGameTest.FEES;
import static noliq.oracle.escalation.EscalationGameTest.KEY;
import static noliq.oracle.escalation.EscalationGameTest.NO;
import static noliq.oracle.escalation.EscalationGameTest.T0;
import static noliq.oracle.escalation.EscalationGameTest.YES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import noliq.math.testing.AbortedTransactions;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation game is all-or-nothing inside a caller's transaction: each move aborted after it
 * ran leaves the question, the events and the book as they were, and the game goes on as if the
 * move had never been tried. Also Reality.eth's boundaries: a {@code max_previous} equal to the
 * current bond is accepted ({@code require(max_previous >= bond)}), and a zero arbitration fee
 * moves nothing.
 */
class EscalationGameRollbackTest {
  TokenBook book;
  EscalationGame game;

  @BeforeEach
  void setUp() {
    init(Amount.of(10));
  }

  void init(Amount arbitrationFee) {
    book = new TokenBook();
    game = new EscalationGame(book, ETH, ESCROW, FEES, ARBITRATOR, new EscalationConfig(DAY, Amount.ONE, arbitrationFee));
    for (AccountId p : List.of(ASKER, A, B, C)) {
      book.mint(ETH, p, Amount.of(1_000));
    }
  }

  record Seen(TokenBook.Snapshot book, int events, Amount escrowed, List<EscalationGame.Question> question) {}

  Seen seen() {
    List<EscalationGame.Question> q;
    try {
      q = List.of(game.get(KEY));
    } catch (OracleException e) {
      q = List.of();
    }
    return new Seen(book.snapshot(), game.events().size(), game.escrowed(), q);
  }

  void abortedAfter(Runnable op) {
    AbortedTransactions.assertAbortLeavesUnchanged(book, this::seen, op);
  }

  @Test
  void anAbortedQuestionDoesNotExist() {
    abortedAfter(() -> game.ask(KEY, ASKER, Amount.of(3), T0));
    assertThatThrownBy(() -> game.get(KEY))
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(OracleError.UnknownRequest.class));
    game.ask(KEY, ASKER, Amount.of(3), T0);
    assertThat(game.escrowed()).isEqualTo(Amount.of(3));
  }

  @Test
  void anAbortedAnswerLeavesTheBondAndTimeoutAsTheyWere() {
    game.ask(KEY, ASKER, Amount.ZERO, T0);
    game.answer(KEY, A, YES, Amount.of(1), null, T0);
    abortedAfter(() -> game.answer(KEY, B, NO, Amount.of(2), null, T0.plus(Duration.ofHours(20))));
    // the first answer's timeout still runs from T0: final at T0 + 24 h with A's answer
    assertThat(game.get(KEY).bond()).isEqualTo(Amount.of(1));
    assertThat(game.finalAnswer(KEY, T0.plus(DAY))).contains(YES);
  }

  @Test
  void anAbortedArbitrationRequestLeavesTheQuestionRunning() {
    game.ask(KEY, ASKER, Amount.ZERO, T0);
    game.answer(KEY, A, YES, Amount.of(1), null, T0);
    abortedAfter(() -> game.requestArbitration(KEY, C, null, T0.plusSeconds(5)));
    assertThat(game.state(KEY, T0.plusSeconds(5))).isEqualTo(EscalationState.ANSWERED);
    assertThat(book.balanceOf(ARBITRATOR, ETH)).isEqualTo(Amount.ZERO);
    assertThat(game.finalAnswer(KEY, T0.plus(DAY))).contains(YES);
  }

  @Test
  void anAbortedRulingLeavesTheQuestionPendingArbitration() {
    game.ask(KEY, ASKER, Amount.ZERO, T0);
    game.answer(KEY, A, YES, Amount.of(1), null, T0);
    game.requestArbitration(KEY, C, null, T0.plusSeconds(5));
    abortedAfter(() -> game.arbitrate(KEY, NO, T0.plusSeconds(10)));
    assertThat(game.state(KEY, T0.plus(Duration.ofDays(10)))).isEqualTo(EscalationState.PENDING_ARBITRATION);
    // the arbitrator can still rule, once
    game.arbitrate(KEY, NO, T0.plusSeconds(10));
    assertThat(game.finalAnswer(KEY, T0.plusSeconds(10))).contains(NO);
  }

  @Test
  void anAbortedClaimPaysNothingAndCanBeMadeAgain() {
    game.ask(KEY, ASKER, Amount.ZERO, T0);
    game.answer(KEY, A, YES, Amount.of(1), null, T0);
    game.answer(KEY, B, NO, Amount.of(2), null, T0.plusSeconds(1));
    abortedAfter(() -> game.claim(KEY, T0.plus(Duration.ofDays(2))));
    assertThat(game.state(KEY, T0.plus(Duration.ofDays(2)))).isEqualTo(EscalationState.FINALIZED);
    var claimed = game.claim(KEY, T0.plus(Duration.ofDays(2)));
    // B: own 2 + A's 1 less 1/40 = 2.975; 0.025 withheld
    assertThat(claimed.payments()).containsExactly(new EscalationEvent.Payment(B, Amount.of("2.975")));
    assertThat(book.balanceOf(FEES, ETH)).isEqualTo(Amount.of("0.025"));
  }

  @Test
  void maxPreviousEqualToTheCurrentBondIsAccepted() {
    game.ask(KEY, ASKER, Amount.ZERO, T0);
    game.answer(KEY, A, YES, Amount.of(1), Amount.ZERO, T0);
    game.answer(KEY, B, NO, Amount.of(2), Amount.of(1), T0.plusSeconds(1));
    game.requestArbitration(KEY, C, Amount.of(2), T0.plusSeconds(2));
    assertThat(game.state(KEY, T0.plusSeconds(2))).isEqualTo(EscalationState.PENDING_ARBITRATION);
  }

  @Test
  void arbitrationWithoutAFeeMovesNoMoney() {
    init(Amount.ZERO);
    game.ask(KEY, ASKER, Amount.ZERO, T0);
    game.answer(KEY, A, YES, Amount.of(1), null, T0);
    TokenBook.Snapshot before = book.snapshot();
    var requested = game.requestArbitration(KEY, C, null, T0.plusSeconds(5));
    assertThat(requested.fee()).isEqualTo(Amount.ZERO);
    assertThat(book.snapshot()).isEqualTo(before);
  }
}
