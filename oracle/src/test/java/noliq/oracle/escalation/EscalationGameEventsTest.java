package noliq.oracle.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;
import org.junit.jupiter.api.Test;

/** Each move of the escalation game returns the event it records, in order. */
class EscalationGameEventsTest {
  static final AccountId ESCROW = AccountId.of("reality:escrow");
  static final AccountId ASKER = AccountId.of("asker");
  static final AccountId A = AccountId.of("a");
  static final AccountId C = AccountId.of("c");
  static final Instant T0 = Instant.parse("2026-09-25T08:00:00Z");
  static final RequestKey KEY = new RequestKey("ETH/USD", T0, "s1");
  static final Answer YES = Answer.value(Price.of(3000));
  static final Answer NO = Answer.value(Price.of(2000));

  @Test
  void eachMoveReturnsAndRecordsItsEvent() {
    TokenBook book = new TokenBook();
    EscalationConfig config = new EscalationConfig(Duration.ofHours(24), Amount.ONE, Amount.of(10));
    EscalationGame game = new EscalationGame(book, Token.ETH, ESCROW, AccountId.of("fees"), AccountId.of("arbitrator"), config);
    assertThat(game.config()).isEqualTo(config);
    assertThat(game.escrow()).isEqualTo(ESCROW);
    for (AccountId p : new AccountId[] {ASKER, A, C}) {
      book.mint(Token.ETH, p, Amount.of(100));
    }
    var asked = game.ask(KEY, ASKER, Amount.of(2), T0);
    assertThat(asked).isEqualTo(new EscalationEvent.Asked(KEY, ASKER, Amount.of(2), T0));
    game.answer(KEY, A, YES, Amount.ONE, null, T0);
    game.requestArbitration(KEY, C, null, T0.plusSeconds(1));
    var ruled = game.arbitrate(KEY, NO, T0.plusSeconds(2));
    // the ruling differs from the last answer: credited to the one who paid for arbitration
    assertThat(ruled).isEqualTo(new EscalationEvent.Arbitrated(KEY, NO, C, T0.plusSeconds(2)));
    assertThat(game.events()).hasSize(4).first().isEqualTo(asked);
    assertThat(game.events()).last().isEqualTo(ruled);
  }
}
