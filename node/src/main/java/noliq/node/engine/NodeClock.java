package noliq.node.engine;

import java.time.Instant;

/**
 * The node's clock: market time runs at {@code speed} times the wall clock from {@code origin}
 * ({@code speed} 1 is the wall clock itself; 3600 plays an hour a second, for a replay or a demo).
 * The market reads time only from journaled entries, so the clock matters only when a command is
 * accepted; a replay never reads it.
 */
public final class NodeClock {
  private volatile long originMillis;
  private volatile long wallStartNanos;
  private final double speed;

  public NodeClock(Instant origin, double speed) {
    if (!(speed >= 1) || speed > 1e7) {
      throw new noliq.math.RuleViolation("speed", "must be in [1, 10000000] (was " + speed + ")");
    }
    this.originMillis = origin.toEpochMilli();
    this.wallStartNanos = System.nanoTime();
    this.speed = speed;
  }

  /** The wall clock. */
  public static NodeClock wall() {
    return new NodeClock(Instant.now(), 1);
  }

  public synchronized long millis() {
    return originMillis + (long) ((System.nanoTime() - wallStartNanos) / 1e6 * speed);
  }

  /**
   * Restarts the clock at {@code origin} from now: a node starts its accelerated clock only once it
   * serves, so a replay at speed does not run ahead while the server is still starting.
   */
  public synchronized void rebase(Instant origin) {
    this.originMillis = origin.toEpochMilli();
    this.wallStartNanos = System.nanoTime();
  }

  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  public double speed() {
    return speed;
  }

  /** The same speed, continuing from {@code origin} (a restart resumes from the journal's last time). */
  public NodeClock resumedAt(Instant origin) {
    return new NodeClock(origin, speed);
  }
}
