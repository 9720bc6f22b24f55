package noliq.math.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import noliq.math.Amount;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * The book's read views (holders, balances of an account, tokens, snapshots) and its transactions
 * (nesting, rollback of outside state, savepoint growth), each checked against a hand-built
 * expectation: a view that drops an entry or a rollback that skips an action fails here.
 */
class TokenBookViewsAndTransactionsTest {
  private static final Token P = new Token("P");
  private static final AccountId ALICE = AccountId.of("alice");
  private static final AccountId BOB = AccountId.of("bob");

  @Test
  void viewsListExactlyTheNonZeroBalancesInOrder() {
    TokenBook book = new TokenBook();
    book.mint(Token.ETH, BOB, Amount.of(2));
    book.mint(Token.ETH, ALICE, Amount.of(1));
    book.mint(P, ALICE, Amount.of(5));
    assertThat(book.holders(Token.ETH)).containsExactly(Map.entry(ALICE, Amount.of(1)), Map.entry(BOB, Amount.of(2)));
    assertThat(book.balancesOf(ALICE)).containsExactly(Map.entry(Token.ETH, Amount.of(1)), Map.entry(P, Amount.of(5)));
    assertThat(book.balancesOf(BOB)).containsExactly(Map.entry(Token.ETH, Amount.of(2)));
    assertThat(book.balancesOf(AccountId.of("carol"))).isEmpty();
    assertThat(book.holders(new Token("NONE"))).isEmpty();
    assertThat(book.tokens()).containsExactly(Token.ETH, P);
    book.burn(P, ALICE, Amount.of(5));
    assertThat(book.tokens()).containsExactly(Token.ETH);
    assertThat(book.balancesOf(ALICE)).containsExactly(Map.entry(Token.ETH, Amount.of(1)));
    TokenBook.Snapshot s = book.snapshot();
    assertThat(s.supplies()).containsExactly(Map.entry(Token.ETH, Amount.of(3)));
    assertThat(s.balances()).containsOnlyKeys(Token.ETH);
    assertThat(s.balances().get(Token.ETH)).containsExactly(Map.entry(ALICE, Amount.of(1)), Map.entry(BOB, Amount.of(2)));
  }

  @Test
  void anEmptiedBalanceLeavesNoTraceSoEqualStatesHaveEqualSnapshots() {
    TokenBook a = new TokenBook();
    a.mint(Token.ETH, ALICE, Amount.of(1));
    a.transfer(Token.ETH, ALICE, BOB, Amount.of(1));
    TokenBook b = new TokenBook();
    b.mint(Token.ETH, BOB, Amount.of(1));
    assertThat(a.snapshot()).isEqualTo(b.snapshot());
    assertThat(a.holders(Token.ETH)).containsOnlyKeys(BOB);
  }

  @Test
  void zeroAndMissingAmountsAreRefusedEverywhere() {
    TokenBook book = new TokenBook();
    book.mint(Token.ETH, ALICE, Amount.of(1));
    TokenBook.Snapshot before = book.snapshot();
    assertThatThrownBy(() -> book.mint(Token.ETH, ALICE, Amount.ZERO)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> book.burn(Token.ETH, ALICE, Amount.ZERO)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> book.transfer(Token.ETH, ALICE, BOB, Amount.ZERO)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> book.transfer(Token.ETH, ALICE, BOB, null)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> book.transfer(Token.ETH, ALICE, ALICE, Amount.of(1))).isInstanceOf(RuleViolation.class);
    assertThat(book.snapshot()).isEqualTo(before);
  }

  @Test
  void spendingExactlyTheBalanceWorksAndOneWeiMoreIsRefusedNamingBoth() {
    TokenBook book = new TokenBook();
    book.mint(Token.ETH, ALICE, Amount.ofWei(100));
    InsufficientBalance e = org.junit.jupiter.api.Assertions.assertThrows(InsufficientBalance.class,
        () -> book.transfer(Token.ETH, ALICE, BOB, Amount.ofWei(101)));
    assertThat(e.account()).isEqualTo(ALICE);
    assertThat(e.token()).isEqualTo(Token.ETH);
    assertThat(e.needed()).isEqualTo(Amount.ofWei(101));
    assertThat(e.available()).isEqualTo(Amount.ofWei(100));
    InsufficientBalance none = org.junit.jupiter.api.Assertions.assertThrows(InsufficientBalance.class,
        () -> book.burn(Token.ETH, BOB, Amount.ofWei(1)));
    assertThat(none.available()).isEqualTo(Amount.ZERO);
    book.transfer(Token.ETH, ALICE, BOB, Amount.ofWei(100));
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(Amount.ZERO);
    assertThat(book.balanceOf(BOB, Token.ETH)).isEqualTo(Amount.ofWei(100));
  }

  @Test
  void atomicallyReturnsTheResultAndKeepsCommittedWork() {
    TokenBook book = new TokenBook();
    String r = book.atomically(() -> {
      book.mint(Token.ETH, ALICE, Amount.of(1));
      return "done";
    });
    assertThat(r).isEqualTo("done");
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(Amount.of(1));
    // A later failed transaction must not undo what an earlier committed one did.
    assertThatThrownBy(() -> book.atomically(() -> {
      book.mint(Token.ETH, BOB, Amount.of(1));
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(Amount.of(1));
    assertThat(book.balanceOf(BOB, Token.ETH)).isEqualTo(Amount.ZERO);
    assertThat(book.totalSupply(Token.ETH)).isEqualTo(Amount.of(1));
  }

  @Test
  void innerFailureCaughtByTheOuterUndoesOnlyTheInnerPartIncludingOutsideState() {
    TokenBook book = new TokenBook();
    List<String> outside = new ArrayList<>();
    book.atomically(() -> {
      book.mint(Token.ETH, ALICE, Amount.of(3));
      outside.add("outer");
      book.onRollback(() -> outside.remove("outer"));
      try {
        book.atomically(() -> {
          book.transfer(Token.ETH, ALICE, BOB, Amount.of(2));
          outside.add("inner");
          book.onRollback(() -> outside.remove("inner"));
          throw new IllegalStateException("inner fails");
        });
      } catch (IllegalStateException expected) {
        // the outer operation goes on
      }
      book.transfer(Token.ETH, ALICE, BOB, Amount.of(1));
    });
    assertThat(outside).containsExactly("outer");
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(Amount.of(2));
    assertThat(book.balanceOf(BOB, Token.ETH)).isEqualTo(Amount.of(1));
    // Outside any transaction, a rollback action is not kept: a later failure must not run it.
    book.onRollback(() -> outside.add("never"));
    assertThatThrownBy(() -> book.atomically(() -> {
      throw new IllegalStateException("x");
    })).hasMessage("x");
    assertThat(outside).containsExactly("outer");
  }

  @Test
  void deeplyNestedTransactionsRollBackLevelByLevel() {
    TokenBook book = new TokenBook();
    int depth = 40; // past the initial savepoint capacity, so the array must grow correctly
    nest(book, depth);
    // Every level minted 1 wei and every odd level failed: only the chain of even levels above the
    // first failure survives. Level 1 (outermost) ... level 40; level k fails when k is odd, caught by k-1.
    long expected = 0;
    for (int k = 1; k <= depth; k++) {
      if (k % 2 == 1 && k > 1) {
        break;
      }
      expected++;
    }
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(Amount.ofWei(expected));
  }

  private static void nest(TokenBook book, int depth) {
    level(book, 1, depth);
  }

  private static void level(TokenBook book, int k, int depth) {
    book.atomically(() -> {
      book.mint(Token.ETH, ALICE, Amount.ofWei(1));
      if (k < depth) {
        try {
          level(book, k + 1, depth);
        } catch (IllegalStateException caught) {
          // this level survives its child's failure
        }
      }
      if (k % 2 == 1 && k > 1) {
        throw new IllegalStateException("level " + k);
      }
    });
  }

  @Test
  void tokensAndAccountsOrderByName() {
    assertThat(new Token("A").compareTo(new Token("B"))).isNegative();
    assertThat(new Token("B").compareTo(new Token("A"))).isPositive();
    assertThat(AccountId.of("a").compareTo(AccountId.of("b"))).isNegative();
    assertThat(AccountId.of("b").compareTo(AccountId.of("a"))).isPositive();
    assertThatThrownBy(() -> new Token(" ")).isInstanceOf(RuleViolation.class);
  }
}
