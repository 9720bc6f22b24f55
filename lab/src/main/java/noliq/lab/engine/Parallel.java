package noliq.lab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import noliq.math.RuleViolation;

/**
 * Runs the chunks of a fixed partition on a number of threads. The partition (which paths form
 * chunk c) is fixed by the caller and never by the thread count; threads only take the next chunk
 * from a shared counter. Callers write each chunk's results to its own slot and combine the slots
 * in chunk order afterwards, which makes every result independent of the thread count.
 */
public final class Parallel {
  private Parallel() {}

  /** The number of threads to use by default: one per available core. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Calls {@code body.accept(c)} once for every chunk {@code c} in {@code [0, chunks)}, on up to
   * {@code threads} threads, and returns when all are done. The first exception thrown by a chunk
   * stops the remaining chunks from starting and is rethrown here.
   */
  public static void forEachChunk(int chunks, int threads, IntConsumer body) {
    if (threads < 1) {
      throw new RuleViolation("threads", "must be at least 1 (was " + threads + ")");
    }
    if (chunks <= 0) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      int c;
      while (failure.get() == null && (c = next.getAndIncrement()) < chunks) {
        try {
          body.accept(c);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }
    };
    int n = Math.min(threads, chunks);
    if (n == 1) {
      worker.run();
    } else {
      List<Thread> pool = new ArrayList<>(n - 1);
      for (int i = 1; i < n; i++) {
        Thread t = new Thread(worker, "noliq-lab-" + i);
        t.setDaemon(true);
        t.start();
        pool.add(t);
      }
      worker.run();
      for (Thread t : pool) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the simulation threads", e);
        }
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
