package noliq.oracle;

import java.time.Instant;
import java.util.Optional;

/** A slow oracle seen from outside: the final answer to a question, once there is one. */
@FunctionalInterface
public interface FinalAnswers {
  /**
   * The final answer to {@code key} at {@code now}; empty while it can still change. Throws an
   * {@link OracleException} with {@link OracleError.UnknownRequest} if nobody asked.
   */
  Optional<Answer> finalAnswer(RequestKey key, Instant now);
}
