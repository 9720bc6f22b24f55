package noliq.node.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The single writer (LMAX style). Commands and queries wait in one bounded queue; one thread takes
 * them in batches, writes the batch's commands to the {@link Journal} in one append (and one force
 * under {@link FsyncPolicy#ALWAYS}: group commit), then applies each to the {@link Market} in order
 * and only then completes its future: a command is acknowledged only once it is journaled and
 * applied. Queries run on the same thread between commands, so they see a consistent state and
 * need no lock.
 *
 * <p>On start the journal is replayed into a fresh market: the state after a restart is the fold of
 * every journaled command, whatever happened to the process before.
 *
 * <p>Snapshots are written from a replica: a second market on its own thread, folded from the same
 * entries right after the writer applies them (LMAX's replica). Encoding the whole market takes far
 * longer than a batch (its graph holds {@value Market#IDEMPOTENCY_MEMORY} remembered outcomes), and
 * done on the writer it paused every command for that long each {@link #SNAPSHOT_EVERY} entries: the
 * load benchmark's p99 was that pause. The replica's state after entry {@code n} is the fold of the
 * first {@code n} entries, the state the writer had then, so its snapshot is the same one.
 */
public final class Engine implements AutoCloseable {
  /** Jobs waiting beyond this are refused at once (back-pressure), not queued without bound. */
  public static final int QUEUE = 65_536;
  static final int BATCH = 4_096;

  private sealed interface Job permits Submit, SubmitAll, Query, Stop {}

  /** A command with its JSON already written by the caller's thread, so the writer only frames it. */
  private record Submit(Command cmd, String idem, byte[] json, CompletableFuture<Outcome> done) implements Job {}

  /** Several commands from one caller, queued together and acknowledged together, in order. */
  private record SubmitAll(List<Submit> parts, CompletableFuture<List<Outcome>> done) implements Job {}

  private record Query(Function<Market, ?> fn, CompletableFuture<Object> done) implements Job {}

  private record Stop() implements Job {}

  private final ArrayBlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUE);
  /** A snapshot is taken after the batch that brings the market this many entries past the last one. */
  public static final long SNAPSHOT_EVERY = 50_000;

  private final Market market;
  private final Journal journal;
  private final Path dir;
  private final long snapshotEvery;
  private final long snapshotSeq;
  private final List<String> ignoredSnapshots = new ArrayList<>();
  /**
   * Entries the writer applied, waiting for the replica. Bounded: a replica this far behind (starved
   * of CPU) makes the writer wait for it rather than hold entries without bound.
   */
  static final int REPLICA_QUEUE = 1 << 18;
  private static final Entry REPLICA_STOP = new Entry(-1, 0, null, null);
  private final ArrayBlockingQueue<Entry> toReplica = new ArrayBlockingQueue<>(REPLICA_QUEUE);
  private final Market replica;
  private final Thread replicaThread;
  private final FsyncPolicy fsync;
  private long lastSnapshot;
  private volatile Throwable snapshotFailure;
  private final NodeClock clock;
  private final List<Consumer<Outcome>> listeners = new CopyOnWriteArrayList<>();
  private final Thread writer;
  private final int replayed;
  private final long replayMillis;
  private volatile Throwable failure;
  private long lastAt;

  private Engine(Path dir, FsyncPolicy fsync, NodeClock clock, long snapshotEvery) {
    this.dir = dir;
    this.snapshotEvery = snapshotEvery;
    // Parse only the journal after the newest snapshot on disk (every frame is still checksummed).
    List<Long> snapshots;
    try {
      snapshots = Snapshots.seqs(dir);
    } catch (java.io.IOException e) {
      snapshots = List.of();
    }
    Journal.Opened opened = Journal.open(journalFile(dir), fsync, snapshots.isEmpty() ? 0 : snapshots.get(0));
    long t0 = System.nanoTime();
    Optional<Snapshots.Restored> restored = Snapshots.latest(dir, opened.count(), ignoredSnapshots);
    long base = restored.map(Snapshots.Restored::seq).orElse(0L);
    if (base < opened.skipped()) {
      // the newest snapshot was not usable: read the entries between the one used and it
      opened.journal().close();
      opened = Journal.open(journalFile(dir), fsync, base);
    }
    this.journal = opened.journal();
    this.market = restored.map(Snapshots.Restored::market).orElseGet(Market::new);
    this.snapshotSeq = market.seq();
    this.lastSnapshot = snapshotSeq;
    this.fsync = fsync;
    lastAt = market.now().toEpochMilli();
    int tail = 0;
    for (Entry e : opened.entries()) {
      if (e.seq() > snapshotSeq) {
        market.apply(e);
        lastAt = Math.max(lastAt, e.at());
        tail++;
      }
    }
    this.replayMillis = (System.nanoTime() - t0) / 1_000_000;
    this.replayed = tail;
    this.clock = market.seq() == 0 ? clock : clock.resumedAt(java.time.Instant.ofEpochMilli(Math.max(lastAt,
        clock.millis() < lastAt ? lastAt : clock.millis())));
    this.replica = market.seq() == 0 ? new Market() : Snapshots.copy(market);
    this.replicaThread = Thread.ofPlatform().daemon().name("noliq-snapshot").start(this::replicate);
    this.writer = new Thread(this::run, "noliq-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Opens the journal in {@code dir}, replays it, and starts the writer. */
  public static Engine start(Path dir, FsyncPolicy fsync, NodeClock clock) {
    return start(dir, fsync, clock, SNAPSHOT_EVERY);
  }

  /** As {@link #start(Path, FsyncPolicy, NodeClock)}, with a snapshot every {@code snapshotEvery} entries (1 to 10^9). */
  public static Engine start(Path dir, FsyncPolicy fsync, NodeClock clock, long snapshotEvery) {
    if (snapshotEvery < 1 || snapshotEvery > 1_000_000_000L) {
      throw new noliq.math.RuleViolation("snapshot-every", "must be in [1, 1000000000] entries (was " + snapshotEvery + ")");
    }
    return new Engine(dir, fsync, clock, snapshotEvery);
  }

  private static Path journalFile(Path dir) {
    return dir.resolve("journal.bin");
  }

  /** Queues a command; the future completes once it is journaled and applied. Refused at once when the queue is full. */
  public CompletableFuture<Outcome> submit(Command cmd, String idem) {
    CompletableFuture<Outcome> f = new CompletableFuture<>();
    offer(new Submit(cmd, idem, Journal.encode(cmd, idem), f), f);
    return f;
  }

  /**
   * Queues several commands as one job: they are journaled in this order with nothing between them,
   * in the same group commit when they fit one, and the future completes with their outcomes once all
   * are journaled and applied. Each is applied on its own (a refusal of one does not undo another):
   * this saves round trips, it is not a transaction. Refused whole at once when the queue is full.
   */
  public CompletableFuture<List<Outcome>> submitAll(List<Command> cmds, List<String> idems) {
    if (cmds.size() != idems.size() || cmds.isEmpty() || cmds.size() > BATCH) {
      throw new IllegalArgumentException("a batch holds 1 to " + BATCH + " commands, each with its key");
    }
    List<Submit> parts = new ArrayList<>(cmds.size());
    for (int i = 0; i < cmds.size(); i++) {
      parts.add(new Submit(cmds.get(i), idems.get(i), Journal.encode(cmds.get(i), idems.get(i)), null));
    }
    CompletableFuture<List<Outcome>> f = new CompletableFuture<>();
    offer(new SubmitAll(List.copyOf(parts), f), f);
    return f;
  }

  /** Runs {@code fn} on the writer thread between commands (it must not change the market). */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> query(Function<Market, T> fn) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    offer(new Query(fn, f), f);
    return (CompletableFuture<T>) (CompletableFuture<?>) f;
  }

  private void offer(Job job, CompletableFuture<?> f) {
    Throwable t = failure;
    if (t != null) {
      f.completeExceptionally(new IllegalStateException("the engine stopped: " + t.getMessage(), t));
    } else if (!queue.offer(job)) {
      f.completeExceptionally(new Busy());
    }
  }

  /** The queue is full: the caller should retry later (HTTP 503). */
  public static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Busy() {
      super("the node is busy: its command queue is full", null, false, false);
    }
  }

  /** Sees every outcome, in journal order, on the writer thread: keep it short and non-blocking. */
  public void onOutcome(Consumer<Outcome> listener) {
    listeners.add(listener);
  }

  /** Journal entries replayed on start, after the snapshot (all of them when there was none). */
  public int replayed() {
    return replayed;
  }

  /** The entry the start's snapshot stood after (0: no snapshot was used). */
  public long snapshotSeq() {
    return snapshotSeq;
  }

  /** The market's position when the engine started: snapshot plus replayed tail. */
  public long startSeq() {
    return snapshotSeq + replayed;
  }

  /** Snapshot files found on start and not used, each with why (damaged, torn, ahead of the journal...). */
  public List<String> ignoredSnapshots() {
    return List.copyOf(ignoredSnapshots);
  }

  public long replayMillis() {
    return replayMillis;
  }

  public NodeClock clock() {
    return clock;
  }

  /**
   * How the group commit went since the engine started: {@code groups} appends (one write and, under
   * ALWAYS, one force each) carried {@code entries} entries; {@code commitNanos} is the histogram (a copy)
   * of each group's write-and-force time in nanoseconds, the disk's share of a command's latency. Timed
   * here, on the writer: the journal itself reads no clock.
   */
  public record GroupCommits(long groups, long entries, org.HdrHistogram.Histogram commitNanos) {}

  public GroupCommits groupCommits() {
    return new GroupCommits(groups.get(), committed.get(), commitTimes.copy());
  }

  private final java.util.concurrent.atomic.AtomicLong groups = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();
  /** Recorded by the writer alone, copied by readers: synchronized, so a copy is never torn. */
  private final org.HdrHistogram.SynchronizedHistogram commitTimes = new org.HdrHistogram.SynchronizedHistogram(3);

  public Path journalFile() {
    return journal.file();
  }

  private void run() {
    List<Job> batch = new ArrayList<>(BATCH);
    List<byte[]> frames = new ArrayList<>(BATCH);
    List<Entry> entries = new ArrayList<>(BATCH);
    long seq = market.seq();
    try {
      while (true) {
        batch.clear();
        frames.clear();
        entries.clear();
        batch.add(queue.take());
        queue.drainTo(batch, BATCH - 1);
        for (Job j : batch) {
          switch (j) {
            case Submit s -> seq = stage(s, seq, entries, frames);
            case SubmitAll all -> {
              for (Submit s : all.parts()) {
                seq = stage(s, seq, entries, frames);
              }
            }
            default -> { }
          }
        }
        if (!frames.isEmpty()) {
          // group commit: one write and (under ALWAYS) one force for the whole batch, before any
          // of its commands is applied or acknowledged
          long t0 = System.nanoTime();
          journal.append(frames);
          commitTimes.recordValue(System.nanoTime() - t0);
          groups.incrementAndGet();
          committed.addAndGet(frames.size());
        }
        int next = 0;
        for (int k = 0; k < batch.size(); k++) {
          Job j = batch.get(k);
          switch (j) {
            case Submit s -> s.done().complete(applyAndTell(entries.get(next++)));
            case SubmitAll all -> {
              List<Outcome> outs = new ArrayList<>(all.parts().size());
              for (int i = 0; i < all.parts().size(); i++) {
                outs.add(applyAndTell(entries.get(next++)));
              }
              all.done().complete(outs);
            }
            case Query q -> {
              try {
                q.done().complete(q.fn().apply(market));
              } catch (RuntimeException e) {
                q.done().completeExceptionally(e);
              }
            }
            case Stop stop -> {
              IllegalStateException stopped = new IllegalStateException("the engine stopped");
              for (Job rest : batch.subList(k + 1, batch.size())) {
                fail(rest, stopped);
              }
              failAll(stopped);
              return;
            }
          }
        }
      }
    } catch (InterruptedException e) {
      failAll(e);
    } catch (RuntimeException | Error e) {
      // The journal could not be written: nothing of this batch was applied or acknowledged.
      failure = e;
      for (Job j : batch) {
        fail(j, e);
      }
      failAll(e);
    }
  }

  /**
   * The replica's loop: folds each entry the writer applied and, every {@code snapshotEvery} entries,
   * writes a snapshot of itself. Under {@link FsyncPolicy#OS} the journal is forced first, so that a
   * snapshot never stands after an entry the disk lacks (under ALWAYS every applied entry already is).
   * A snapshot that fails is recorded and the replica goes on: the journal, the truth, is unaffected.
   */
  private void replicate() {
    try {
      while (true) {
        // checked before the first entry too: a start that replayed a long tail is due one at once
        long seq = replica.seq();
        if (seq - lastSnapshot >= snapshotEvery) {
          lastSnapshot = seq;
          try {
            if (fsync != FsyncPolicy.ALWAYS) {
              journal.force();
            }
            Snapshots.write(dir, seq, Snapshots.encode(replica));
          } catch (RuntimeException failed) {
            snapshotFailure = failed;
          }
        }
        Entry e = toReplica.take();
        if (e == REPLICA_STOP) {
          return;
        }
        replica.apply(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      replicaFailure = e;
      snapshotFailure = e;
      toReplica.clear();
    }
  }

  /** Hands an applied entry to the replica; waits (bounded by the queue) only when it is far behind. */
  private void toReplica(Entry e) throws InterruptedException {
    while (replicaFailure == null && !toReplica.offer(e, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      // the replica is REPLICA_QUEUE entries behind: wait for it (back-pressure) unless it has stopped
    }
  }

  private volatile Throwable replicaFailure;

  /** The last snapshot that could not be taken, if any (the journal, the truth, is unaffected). */
  public Optional<Throwable> snapshotFailure() {
    return Optional.ofNullable(snapshotFailure);
  }

  private long stage(Submit s, long seq, List<Entry> entries, List<byte[]> frames) {
    lastAt = Math.max(lastAt, clock.millis());
    Entry e = new Entry(seq + 1, lastAt, s.idem(), s.cmd());
    entries.add(e);
    frames.add(Journal.frame(e.seq(), e.at(), s.json()));
    return seq + 1;
  }

  private Outcome applyAndTell(Entry e) throws InterruptedException {
    Outcome o = market.apply(e);
    toReplica(e);
    for (Consumer<Outcome> l : listeners) {
      try {
        l.accept(o);
      } catch (RuntimeException ignored) {
        // a listener's failure is its own; the market has already moved
      }
    }
    return o;
  }

  private void failAll(Throwable why) {
    failure = failure == null ? why : failure;
    Job j;
    while ((j = queue.poll()) != null) {
      fail(j, why);
    }
  }

  private static void fail(Job j, Throwable why) {
    switch (j) {
      case Submit s -> s.done().completeExceptionally(why);
      case SubmitAll all -> all.done().completeExceptionally(why);
      case Query q -> q.done().completeExceptionally(why);
      case Stop s -> { }
    }
  }

  @Override
  public void close() {
    try {
      queue.put(new Stop());
      writer.join(10_000);
      // the replica folds what it still holds (and writes a snapshot if one falls due) before stopping
      if (replicaFailure == null) {
        toReplica.put(REPLICA_STOP);
      }
      replicaThread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    journal.close();
  }
}
