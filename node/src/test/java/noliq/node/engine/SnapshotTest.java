package noliq.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State = latest snapshot + journal tail. A market restored from a snapshot and the tail must equal
 * a clean fold of the whole journal, and must go on to evolve exactly as that fold does; a torn,
 * damaged, stray or future snapshot is ignored and the start falls back to an older one or to the
 * full journal, never to a wrong state.
 */
class SnapshotTest {
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final long EVERY = 40;

  /** A seeded mix over every kind of state the market keeps: books, auctions, vault, pool, oracle, keys. */
  static Command next(SplittableRandom rng, String series, long n) {
    String who = "user:" + rng.nextInt(2);
    return switch (rng.nextInt(12)) {
      case 0 -> new Command.Split(who, series, "0." + (1 + rng.nextInt(9)));
      case 1 -> new Command.Merge(who, series, "0.0" + (1 + rng.nextInt(9)));
      case 2, 3 -> new Command.PlaceOrder(who, series, rng.nextBoolean() ? "P" : "N", rng.nextBoolean() ? "BUY" : "SELL",
          "0." + (40 + rng.nextInt(20)), "0.0" + (1 + rng.nextInt(9)), rng.nextInt(4) == 0 ? "IOC" : "GTC");
      case 4 -> new Command.CancelOrder(who, series, rng.nextBoolean() ? "P" : "N", 1 + rng.nextInt((int) Math.min(n + 2, 300)));
      case 5 -> new Command.Tick("system", String.valueOf(2200 + rng.nextInt(600)));
      case 6 -> new Command.VaultDeposit(who, "0." + (1 + rng.nextInt(9)));
      case 7 -> new Command.VaultWithdraw("bot:vault-depositor", "0.00000000001");
      case 8 -> new Command.AaveSupply(who, "ETH", "1");
      case 9 -> new Command.AaveBorrow(who, "USDC", String.valueOf(50 + rng.nextInt(500)));
      case 10 -> new Command.StartAuction(who, "P:" + series, "ETH", "0.01", "0.5", 10_000, 600);
      default -> new Command.TakeAuction("user:" + (1 - Integer.parseInt(who.substring(5))), 1 + rng.nextInt(20), "0.005", "0.9");
    };
  }

  static String run(Engine e, SplittableRandom rng, int commands) {
    String series = e.query(m -> m.ledger().allSeries().keySet().iterator().next().hex()).join();
    long start = e.query(Market::seq).join();
    for (int i = 0; i < commands; i++) {
      e.submit(next(rng, series, start + i), rng.nextInt(5) == 0 ? "k" + (start + i) : null).join();
    }
    return e.query(Market::digest).join();
  }

  static String fold(Path dir) {
    Market m = new Market();
    Journal.readAll(dir.resolve("journal.bin")).forEach(m::apply);
    return m.digest();
  }

  static Engine start(Path dir) {
    return Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(T0, 3600), EVERY);
  }

  @Test
  void snapshotPlusTailEqualsAFullReplayAndEvolvesAsIt(@TempDir Path dir) throws Exception {
    SplittableRandom rng = new SplittableRandom(20261202L);
    try (Engine e = start(dir)) {
      EngineTest.boot(e);
      run(e, rng, 397);
      assertThat(e.snapshotFailure()).isEmpty();
    }
    assertThat(Snapshots.seqs(dir)).hasSize(Snapshots.KEEP);
    String end;
    try (Engine e = start(dir)) {
      assertThat(e.snapshotSeq()).as("the start used a snapshot (ignored: %s)", e.ignoredSnapshots()).isPositive();
      assertThat(e.replayed()).as("and replayed only the tail").isLessThan(402 - (int) EVERY + 1);
      assertThat(e.query(Market::digest).join()).isEqualTo(fold(dir));
      end = run(e, rng, 150);
    }
    assertThat(fold(dir)).as("the restored market went on exactly as a full replay does").isEqualTo(end);
  }

  @Test
  void aTornDamagedStrayOrFutureSnapshotIsIgnored(@TempDir Path dir) throws Exception {
    SplittableRandom rng = new SplittableRandom(7L);
    try (Engine e = start(dir)) {
      EngineTest.boot(e);
      run(e, rng, 200);
    }
    String full = fold(dir);
    List<Long> seqs = Snapshots.seqs(dir);
    Path newest = dir.resolve("snapshot-" + seqs.get(0) + ".bin");
    // torn: a crash in the middle of writing (what the atomic rename prevents, simulated anyway)
    byte[] whole = Files.readAllBytes(newest);
    Files.write(newest, java.util.Arrays.copyOf(whole, whole.length / 2));
    // a temporary file left by a crash, and a snapshot ahead of the journal
    Files.write(dir.resolve("snapshot-" + (seqs.get(0) + 1) + ".bin.tmp"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("snapshot-99999999.bin"), whole);
    try (Engine e = start(dir)) {
      assertThat(e.snapshotSeq()).isEqualTo(seqs.get(1));
      assertThat(e.ignoredSnapshots()).anySatisfy(s -> assertThat(s).contains("snapshot-" + seqs.get(0)))
          .anySatisfy(s -> assertThat(s).contains("99999999").contains("ahead of the journal"));
      assertThat(e.query(Market::digest).join()).isEqualTo(full);
    }
    // damaged: one flipped byte in the graph, and the torn one still there: a full replay
    assertThat(dir.resolve("snapshot-99999999.bin")).as("the next snapshot written removes one ahead of the journal")
        .doesNotExist();
    for (Long s : Snapshots.seqs(dir)) {
      Path f = dir.resolve("snapshot-" + s + ".bin");
      byte[] b = Files.readAllBytes(f);
      b[b.length - 10] ^= 0x40;
      Files.write(f, b);
    }
    try (Engine e = start(dir)) {
      assertThat(e.snapshotSeq()).isZero();
      assertThat(e.replayed()).isEqualTo(205);
      assertThat(e.query(Market::digest).join()).isEqualTo(full);
    }
  }
}
