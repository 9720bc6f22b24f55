package noliq.math.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import noliq.math.book.TokenBook;

/**
 * All-or-nothing inside a caller's transaction: an operation that ran and was then aborted by a later
 * step of the same transaction must leave everything the test can see as it was. Shared by the
 * protocol modules' rollback tests through this module's test jar.
 */
public final class AbortedTransactions {
  private AbortedTransactions() {}

  /**
   * Runs {@code op} inside {@code book}'s transaction, fails the transaction after it, and checks that
   * {@code state} (a value record of whatever the caller can observe) reads as it did before.
   */
  public static void assertAbortLeavesUnchanged(TokenBook book, Supplier<?> state, Runnable op) {
    Object before = state.get();
    assertThatThrownBy(() -> book.atomically(() -> {
      op.run();
      throw new IllegalStateException("a later step of the caller's transaction failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(state.get()).isEqualTo(before);
  }
}
