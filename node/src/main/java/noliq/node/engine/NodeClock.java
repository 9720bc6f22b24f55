package noliq.node.engine;

import java.time.Instant;

/**
 * The node's clock: market time runs at {@code speed} times the wall clock from {@code origin}
 * ({@code speed} 1 is the wall clock itself; 3600 plays an hour a second, for a replay or a demo).
 * The market reads time only from journaled entries, so the clock matters only when a command is
 * accepted; a replay never reads it.
 *
 * <p>A {@link #manual manual} clock does not follow the wall clock at all: it stands still until its
 * owner {@link #advance advances} it, so a test or a demo steps market time itself and gets the same
 * run however fast or loaded the machine is.
 */
public final class NodeClock {
  private volatile long originMillis;
  private volatile long wallStartNanos;
  private final double speed;
  private final boolean manual;
  /** A manual clock's time past its origin. */
  private long advancedMillis;

  public NodeClock(Instant origin, double speed) {
    if (!(speed >= 1) || speed > 1e7) {
      throw new noliq.math.RuleViolation("speed", "must be in [1, 10000000] (was " + speed + ")");
    }
    this.originMillis = origin.toEpochMilli();
    this.wallStartNanos = System.nanoTime();
    this.speed = speed;
    this.manual = false;
  }

  private NodeClock(Instant origin) {
    this.originMillis = origin.toEpochMilli();
    this.speed = 1;
    this.manual = true;
  }

  /** A clock standing at {@code origin} that moves only when {@link #advance advanced}. */
  public static NodeClock manual(Instant origin) {
    return new NodeClock(origin);
  }

  public boolean isManual() {
    return manual;
  }

  /** Moves a manual clock forward by {@code d} (0 to 366 days). */
  public synchronized void advance(java.time.Duration d) {
    if (!manual) {
      throw new IllegalStateException("only a manual clock is advanced by hand; this one follows the wall clock");
    }
    if (d.isNegative() || d.compareTo(java.time.Duration.ofDays(366)) > 0) {
      throw new noliq.math.RuleViolation("step", "must be in [0, 366] days (was " + d + ")");
    }
    advancedMillis += d.toMillis();
  }

  /** The wall clock. */
  public static NodeClock wall() {
    return new NodeClock(Instant.now(), 1);
  }

  public synchronized long millis() {
    if (manual) {
      return originMillis + advancedMillis;
    }
    return originMillis + (long) ((System.nanoTime() - wallStartNanos) / 1e6 * speed);
  }

  /**
   * Restarts the clock at {@code origin} from now: a node starts its accelerated clock only once it
   * serves, so a replay at speed does not run ahead while the server is still starting.
   */
  public synchronized void rebase(Instant origin) {
    this.originMillis = origin.toEpochMilli();
    this.wallStartNanos = System.nanoTime();
    this.advancedMillis = 0;
  }

  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  public double speed() {
    return speed;
  }

  /** The same speed, continuing from {@code origin} (a restart resumes from the journal's last time). */
  public NodeClock resumedAt(Instant origin) {
    return manual ? manual(origin) : new NodeClock(origin, speed);
  }
}
