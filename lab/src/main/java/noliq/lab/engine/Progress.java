package noliq.lab.engine;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Where a run reports how many paths are done. Called from the worker threads, once per path. */
public interface Progress {
  void start(long total);

  void advance(long paths);

  void finish();

  /** Reports nothing. */
  static Progress none() {
    return new Progress() {
      @Override
      public void start(long total) {}

      @Override
      public void advance(long paths) {}

      @Override
      public void finish() {}
    };
  }

  /**
   * Progress on {@code out} (normally {@code System.err}), shown only once the run has taken more
   * than a second, so quick runs print nothing. On a terminal it is a bar redrawn in place with the
   * elapsed time and an ETA; elsewhere (a log, a pipe) it is a plain line every
   * {@link Display#LINE_EVERY_NANOS} at most.
   */
  static Progress bar(String task, PrintStream out, boolean terminal) {
    return new Display(task, out, terminal, System::nanoTime);
  }

  /** {@link #bar(String, PrintStream, boolean)} on a terminal when the JVM has one. */
  static Progress bar(String task, PrintStream out) {
    return bar(task, out, Terminal.isInteractive());
  }

  /** Whether this JVM talks to a terminal (Java 22+ tells apart a console that is not one). */
  final class Terminal {
    private Terminal() {}

    public static boolean isInteractive() {
      java.io.Console console = System.console();
      if (console == null || "dumb".equals(System.getenv("TERM"))) {
        return false;
      }
      try {
        return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return true; // Java 21: a non-null console is a terminal
      }
    }
  }

  /** A clock for tests. */
  @FunctionalInterface
  interface Clock {
    long nanoTime();
  }

  /** The bar, or the line-a-while fallback. Draws from whichever worker thread passes the throttle. */
  final class Display implements Progress {
    static final long DELAY_NANOS = 1_000_000_000L;
    static final long REDRAW_NANOS = 200_000_000L;
    static final long LINE_EVERY_NANOS = 10_000_000_000L;
    private static final int BAR_WIDTH = 24;

    private final String task;
    private final PrintStream out;
    private final boolean terminal;
    private final Clock clock;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile long startNanos;
    private long lastDraw;
    private boolean drawn;
    private int lastWidth;

    Display(String task, PrintStream out, boolean terminal, Clock clock) {
      this.task = task;
      this.out = out;
      this.terminal = terminal;
      this.clock = clock;
    }

    @Override
    public synchronized void start(long total) {
      this.total = total;
      this.done.set(0);
      this.startNanos = clock.nanoTime();
      this.lastDraw = startNanos;
      this.drawn = false;
    }

    @Override
    public void advance(long paths) {
      long d = done.addAndGet(paths);
      long now = clock.nanoTime();
      long since = now - startNanos;
      if (since < DELAY_NANOS) {
        return;
      }
      synchronized (this) {
        long every = terminal ? REDRAW_NANOS : LINE_EVERY_NANOS;
        if (drawn && now - lastDraw < every) {
          return;
        }
        lastDraw = now;
        draw(d, since, false);
      }
    }

    @Override
    public synchronized void finish() {
      if (!drawn) {
        return;
      }
      draw(done.get(), clock.nanoTime() - startNanos, true);
      if (terminal) {
        out.println();
      }
      out.flush();
      drawn = false;
    }

    private void draw(long d, long elapsedNanos, boolean last) {
      long t = Math.max(1, total);
      double share = Math.min(1, (double) d / t);
      String eta = d == 0 ? "--:--:--" : clock(elapsedNanos / 1e9 * (t - d) / d);
      String text;
      if (terminal) {
        int filled = (int) Math.round(share * BAR_WIDTH);
        text = String.format(Locale.ROOT, "%s %3d%% [%s%s] %,d/%,d paths, %s elapsed, ETA %s", task, Math.round(100 * share),
            "=".repeat(filled), " ".repeat(BAR_WIDTH - filled), d, total, clock(elapsedNanos / 1e9), last ? "0:00:00" : eta);
        String pad = " ".repeat(Math.max(0, lastWidth - text.length()));
        lastWidth = text.length();
        out.print("\r" + text + pad);
      } else {
        text = String.format(Locale.ROOT, "%s: %d%% (%,d/%,d paths), %s elapsed%s", task, Math.round(100 * share), d, total,
            clock(elapsedNanos / 1e9), last ? ", done" : ", ETA " + eta);
        out.println(text);
      }
      out.flush();
      drawn = true;
    }

    static String clock(double seconds) {
      long s = Math.round(Math.max(0, seconds));
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
  }
}
