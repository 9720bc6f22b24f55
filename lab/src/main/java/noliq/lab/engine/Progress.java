package noliq.lab.engine;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Where a run reports how many paths are done. Called from the worker threads. */
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
   * A progress bar on {@code out} (normally {@code System.err}), shown only once the run has taken
   * more than a second, so quick runs print nothing.
   */
  static Progress bar(String task, PrintStream out) {
    return new DelayedBar(task, out);
  }

  /** Shows a me.tongfei progress bar after the first second. */
  final class DelayedBar implements Progress {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private final String task;
    private final PrintStream out;
    private long total;
    private long done;
    private long startNanos;
    private ProgressBar bar;

    DelayedBar(String task, PrintStream out) {
      this.task = task;
      this.out = out;
    }

    @Override
    public synchronized void start(long total) {
      this.total = total;
      this.done = 0;
      this.startNanos = System.nanoTime();
    }

    @Override
    public synchronized void advance(long paths) {
      done += paths;
      if (bar == null && System.nanoTime() - startNanos > DELAY_NANOS) {
        bar = new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setUnit(" paths", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(out))
            .continuousUpdate()
            .build();
      }
      if (bar != null) {
        bar.stepTo(done);
      }
    }

    @Override
    public synchronized void finish() {
      if (bar != null) {
        bar.stepTo(total);
        bar.close();
        bar = null;
      }
    }
  }
}
