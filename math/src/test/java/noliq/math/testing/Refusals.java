package noliq.math.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.function.Executable;

/**
 * All-or-nothing on refusal: an operation the rules refuse must throw the protocol's refusal and leave
 * everything the test can see as it was. Shared by the protocol modules' engine tests through this
 * module's test jar.
 */
public final class Refusals {
  private Refusals() {}

  /**
   * Runs {@code op}, checks that it threw a {@code refusal} and that {@code state} (a value of whatever
   * the caller can observe: the engine's snapshot, the number of events emitted) reads as it did before;
   * returns an assertion on the refusal, for its text.
   */
  public static AbstractThrowableAssert<?, ? extends Throwable> assertRefusedUnchanged(
      Class<? extends Throwable> refusal, Supplier<?> state, Executable op) {
    Object before = state.get();
    Throwable thrown = null;
    try {
      op.execute();
    } catch (Throwable t) {
      thrown = t;
    }
    assertThat(thrown).as("operation should have been refused").isInstanceOf(refusal);
    assertThat(state.get()).isEqualTo(before);
    return assertThat(thrown);
  }
}
