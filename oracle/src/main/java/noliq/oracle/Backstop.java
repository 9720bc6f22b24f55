package noliq.oracle;

import java.time.Instant;
import java.util.Optional;

/**
 * The safe but expensive oracle behind a disputed question: UMA's DVM, or Reality.eth's
 * arbitrator. An optimistic oracle escalates a dispute to it and later reads its verdict.
 */
public interface Backstop {
  /** Opens arbitration of {@code key} at {@code now}. */
  void escalate(RequestKey key, Instant now);

  /** The verdict on {@code key}, once there is one. */
  Optional<Verdict> verdict(RequestKey key);
}
