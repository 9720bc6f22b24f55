package noliq.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  static Outcome run(Engine e, Command c) {
    return e.submit(c, null).join();
  }

  static void ok(Engine e, Command c) {
    Outcome o = run(e, c);
    assertThat(o.accepted()).as("%s", o).isTrue();
  }

  static String hash(int i) {
    return String.format("%064x", i + 1);
  }

  /** A started market: a first price, genesis, two accounts. */
  static void boot(Engine e) {
    ok(e, new Command.Tick("system", "2500"));
    ok(e, new Command.Genesis("system", 7, "kyrrui-tracker", 50));
    ok(e, new Command.Tick("system", "2490"));
    ok(e, new Command.OpenAccount("system", hash(1)));
    ok(e, new Command.OpenAccount("system", hash(2)));
  }

  @Test
  void aRestartReplaysTheJournalToTheSameState(@TempDir Path dir) throws Exception {
    String before;
    String series;
    try (Engine e = Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(T0, 3600))) {
      boot(e);
      series = e.query(m -> m.ledger().allSeries().keySet().iterator().next().hex()).join();
      ok(e, new Command.Split("user:0", series, "10"));
      Outcome sell = run(e, new Command.PlaceOrder("user:0", series, "P", "SELL", "0.5", "2", "GTC"));
      assertThat(sell.accepted()).isTrue();
      Outcome buy = run(e, new Command.PlaceOrder("user:1", series, "P", "BUY", "0.5", "1", "GTC"));
      assertThat(buy.accepted()).isTrue();
      Outcome tooMuch = run(e, new Command.Split("user:1", series, "1000"));
      assertThat(tooMuch.accepted()).isFalse();
      assertThat(tooMuch.field()).isNotBlank();
      before = e.query(Market::digest).join();
      var pBalance = e.query(m -> m.book().balanceOf(AccountId.of("user:1"), new Token("P:" + series))).join();
      assertThat(pBalance.toString()).isEqualTo("1");
    }
    try (Engine e = Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(T0, 3600))) {
      assertThat(e.replayed()).isEqualTo(9);
      assertThat(e.query(Market::digest).join()).isEqualTo(before);
    }
  }

  @Test
  void anIdempotencyKeyAppliesACommandOnce(@TempDir Path dir) {
    try (Engine e = Engine.start(dir, FsyncPolicy.OS, new NodeClock(T0, 1))) {
      boot(e);
      String series = e.query(m -> m.ledger().allSeries().keySet().iterator().next().hex()).join();
      Outcome first = e.submit(new Command.Split("user:0", series, "1"), "k1").join();
      Outcome again = e.submit(new Command.Split("user:0", series, "1"), "k1").join();
      assertThat(again).isEqualTo(first);
      var p = e.query(m -> m.book().balanceOf(AccountId.of("user:0"), new Token("P:" + series))).join();
      assertThat(p.toString()).isEqualTo("1");
    }
  }

  @Test
  void aTornTailIsCutOffAndTheRestReplays(@TempDir Path dir) throws Exception {
    String digest;
    try (Engine e = Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(T0, 1))) {
      boot(e);
      digest = e.query(Market::digest).join();
    }
    Path file = dir.resolve("journal.bin");
    byte[] extra = Journal.frame(new Entry(6, T0.toEpochMilli(), null, new Command.Tick("system", "2000")));
    Files.write(file, java.util.Arrays.copyOf(extra, extra.length - 3), java.nio.file.StandardOpenOption.APPEND);
    try (Engine e = Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(T0, 1))) {
      assertThat(e.replayed()).isEqualTo(5);
      assertThat(e.query(Market::digest).join()).isEqualTo(digest);
    }
  }

  @Test
  void concurrentSubmittersAreAllJournaledInOneOrder(@TempDir Path dir) {
    try (Engine e = Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(T0, 1))) {
      boot(e);
      String series = e.query(m -> m.ledger().allSeries().keySet().iterator().next().hex()).join();
      List<CompletableFuture<Outcome>> fs = new java.util.ArrayList<>();
      for (int i = 0; i < 500; i++) {
        fs.add(e.submit(new Command.Split("user:" + (i % 2), series, "0.01"), null));
      }
      fs.forEach(CompletableFuture::join);
      assertThat(fs.stream().allMatch(f -> f.join().accepted())).isTrue();
      assertThat(Journal.readAll(e.journalFile())).hasSize(505);
    }
  }

  /**
   * Group commit: commands that wait while the writer is busy go to the journal in one write and one
   * force, and none is acknowledged before it. The writer is held in a query until 200 commands wait.
   */
  @Test
  void commandsThatWaitTogetherShareOneForce(@TempDir Path dir) throws Exception {
    try (Engine e = Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(T0, 1))) {
      boot(e);
      String series = e.query(m -> m.ledger().allSeries().keySet().iterator().next().hex()).join();
      java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
      CompletableFuture<Object> busy = e.query(m -> {
        held.countDown();
        try {
          return hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
          throw new IllegalStateException(ex);
        }
      });
      assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      Engine.GroupCommits before = e.groupCommits();
      List<CompletableFuture<Outcome>> fs = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        fs.add(e.submit(new Command.Split("user:" + (i % 2), series, "0.01"), "g" + i));
      }
      assertThat(fs).noneMatch(CompletableFuture::isDone);
      hold.countDown();
      assertThat(busy.join()).isEqualTo(true);
      fs.forEach(CompletableFuture::join);
      Engine.GroupCommits after = e.groupCommits();
      assertThat(after.entries() - before.entries()).isEqualTo(200);
      assertThat(after.groups() - before.groups()).as("one write and one force for the 200").isEqualTo(1);
      assertThat(after.commitNanos().getTotalCount() - before.commitNanos().getTotalCount()).isEqualTo(1);
    }
  }
}
