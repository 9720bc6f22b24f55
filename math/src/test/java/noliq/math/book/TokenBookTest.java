package noliq.math.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TokenBookTest {
  private static final AccountId ALICE = AccountId.of("alice");
  private static final AccountId BOB = AccountId.of("bob");
  private static final Token USD = new Token("USD");

  @Test
  void mintTransferBurnKeepSupplyEqualToBalances() {
    TokenBook book = new TokenBook();
    book.mint(Token.ETH, ALICE, Amount.of(5));
    book.transfer(Token.ETH, ALICE, BOB, Amount.of("1.25"));
    book.burn(Token.ETH, BOB, Amount.of("0.25"));
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(Amount.of("3.75"));
    assertThat(book.balanceOf(BOB, Token.ETH)).isEqualTo(Amount.of(1));
    assertThat(book.totalSupply(Token.ETH)).isEqualTo(Amount.of("4.75"));
  }

  @Test
  void refusalsNameTheFieldAndChangeNothing() {
    TokenBook book = new TokenBook();
    book.mint(Token.ETH, ALICE, Amount.of(1));
    var before = book.snapshot();
    assertThatThrownBy(() -> book.transfer(Token.ETH, ALICE, BOB, Amount.of(2)))
        .isInstanceOf(InsufficientBalance.class)
        .hasMessage("amount: exceeds the balance of alice (needs 2 ETH, holds 1)");
    assertThatThrownBy(() -> book.transfer(Token.ETH, ALICE, BOB, Amount.ZERO))
        .isInstanceOf(RuleViolation.class).hasMessage("amount: must be positive (was 0)");
    assertThatThrownBy(() -> book.transfer(Token.ETH, ALICE, ALICE, Amount.ONE))
        .hasMessage("to: must differ from the sender (alice)");
    assertThatThrownBy(() -> book.burn(USD, ALICE, Amount.ONE)).isInstanceOf(InsufficientBalance.class);
    assertThat(book.snapshot()).isEqualTo(before);
  }

  @Test
  void atomicallyUndoesEverythingOnFailureIncludingRegisteredActions() {
    TokenBook book = new TokenBook();
    book.mint(Token.ETH, ALICE, Amount.of(3));
    var before = book.snapshot();
    int[] external = {0};
    assertThatThrownBy(() -> book.atomically(() -> {
      book.transfer(Token.ETH, ALICE, BOB, Amount.of(1));
      book.mint(USD, BOB, Amount.of(100));
      external[0] = 7;
      book.onRollback(() -> external[0] = 0);
      book.transfer(Token.ETH, ALICE, BOB, Amount.of(5)); // fails
    })).isInstanceOf(InsufficientBalance.class);
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(external[0]).isZero();
  }

  @Test
  void nestedFailureCaughtInsideUndoesOnlyTheInnerPart() {
    TokenBook book = new TokenBook();
    book.mint(Token.ETH, ALICE, Amount.of(3));
    book.atomically(() -> {
      book.transfer(Token.ETH, ALICE, BOB, Amount.of(1));
      try {
        book.atomically(() -> {
          book.transfer(Token.ETH, ALICE, BOB, Amount.of(1));
          book.transfer(Token.ETH, ALICE, BOB, Amount.of(9));
        });
      } catch (InsufficientBalance expected) {
        // the inner transfer of 1 is undone, the outer one stays
      }
    });
    assertThat(book.balanceOf(BOB, Token.ETH)).isEqualTo(Amount.of(1));
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(Amount.of(2));
    // A later failure of a committed transaction's work is no longer undoable.
    assertThatThrownBy(() -> book.atomically(() -> book.burn(Token.ETH, BOB, Amount.of(2))))
        .isInstanceOf(InsufficientBalance.class);
    assertThat(book.balanceOf(BOB, Token.ETH)).isEqualTo(Amount.of(1));
  }

  /** A long random sequence against a plain reference model; balances always sum to supply. */
  @Tag("long") // a long seeded run: mutation testing leaves it out, shorter tests must kill the mutants
  @Test
  void randomSequencesMatchAReferenceModel() {
    SplittableRandom rnd = new SplittableRandom(20260601);
    TokenBook book = new TokenBook();
    List<AccountId> accounts = List.of(ALICE, BOB, AccountId.of("carol"), AccountId.of("pool"));
    List<Token> tokens = List.of(Token.ETH, USD, new Token("P:1"));
    Map<String, BigInteger> model = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      AccountId a = accounts.get(rnd.nextInt(accounts.size()));
      AccountId b = accounts.get(rnd.nextInt(accounts.size()));
      Token t = tokens.get(rnd.nextInt(tokens.size()));
      Amount amt = Amount.ofWei(rnd.nextLong(0, 3_000_000_000_000_000_000L));
      BigInteger ha = model.getOrDefault(a + "/" + t, BigInteger.ZERO);
      var before = book.snapshot();
      int op = rnd.nextInt(4);
      boolean ok = amt.isPositive() && switch (op) {
        case 0 -> true;
        case 1, 3 -> ha.compareTo(amt.wei()) >= 0;
        default -> ha.compareTo(amt.wei()) >= 0 && !a.equals(b);
      };
      try {
        switch (op) {
          case 0 -> book.mint(t, a, amt);
          case 1 -> book.burn(t, a, amt);
          case 2 -> book.transfer(t, a, b, amt);
          default -> book.atomically(() -> {
            book.burn(t, a, amt);
            book.mint(t, a, amt);
            book.burn(t, a, amt.plus(amt)); // fails unless the account holds twice as much
          });
        }
        if (op == 3) {
          ok = ha.compareTo(amt.wei().shiftLeft(1)) >= 0 && amt.isPositive();
        }
      } catch (RuleViolation rejected) {
        if (op == 3) {
          ok = false;
        }
        assertThat(ok).as("op %d rejected: %s", i, rejected.getMessage()).isFalse();
        assertThat(book.snapshot()).isEqualTo(before);
        continue;
      }
      assertThat(ok).as("op %d accepted", i).isTrue();
      switch (op) {
        case 0 -> model.merge(a + "/" + t, amt.wei(), BigInteger::add);
        case 1 -> model.merge(a + "/" + t, amt.wei().negate(), BigInteger::add);
        case 2 -> {
          model.merge(a + "/" + t, amt.wei().negate(), BigInteger::add);
          model.merge(b + "/" + t, amt.wei(), BigInteger::add);
        }
        default -> model.merge(a + "/" + t, amt.wei().shiftLeft(1).negate(), BigInteger::add);
      }
    }
    for (Token t : tokens) {
      BigInteger sum = BigInteger.ZERO;
      for (AccountId a : accounts) {
        BigInteger m = model.getOrDefault(a + "/" + t, BigInteger.ZERO);
        assertThat(book.balanceOf(a, t).wei()).isEqualTo(m);
        sum = sum.add(m);
      }
      assertThat(book.totalSupply(t).wei()).isEqualTo(sum);
    }
  }
}
