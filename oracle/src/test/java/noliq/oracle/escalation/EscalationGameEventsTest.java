package noliq.oracle.escalation;

import static noliq.oracle.escalation.EscalationGameTest.A;
import static noliq.oracle.escalation.EscalationGameTest.ASKER;
import static noliq.oracle.escalation.EscalationGameTest.C;
import static noliq.oracle.escalation.EscalationGameTest.ESCROW;
import static noliq.oracle.escalation.EscalationGameTest.KEY;
import static noliq.oracle.escalation.EscalationGameTest.NO;
import static noliq.oracle.escalation.EscalationGameTest.T0;
import static noliq.oracle.escalation.EscalationGameTest.YES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Test;

/** Each move of the escalation game returns the event it records, in order. */
class EscalationGameEventsTest {

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
