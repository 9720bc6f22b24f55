package noliq.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submitting thread writes a command's JSON, the writer only prefixes its place: the frame must
 * hold exactly the JSON Jackson writes for the whole entry, so that the journal reads back the same.
 */
class JournalFrameTest {
  static final String SERIES = "0123456789abcdef01234567";

  static final List<Command> COMMANDS = List.of(
      new Command.Tick("system", "2500.5"),
      new Command.Genesis("system", 7, "kyrrui-tracker", 50),
      new Command.Split("user:0", SERIES, "0.01"),
      new Command.PlaceOrder("user:1", SERIES, "P", "BUY", "0.42", "1.5", null),
      new Command.CancelOrder("user:1", SERIES, "N", 17),
      new Command.VoteReveal("bot:voter-1", SERIES, "2000", -5L),
      new Command.StartAuction("user:0", "P:" + SERIES, "ETH", "3", "0.5", 1000, 600));

  @Test
  void aFrameIsTheEntrysOwnJson() {
    long seq = 1;
    for (Command c : COMMANDS) {
      for (String idem : Arrays.asList(null, "k-1", "quote\"and\\slash", "accounts:[::1]:x#3")) {
        Entry e = new Entry(seq++, 1_780_000_000_000L + seq, idem, c);
        byte[] frame = Journal.frame(e);
        ByteBuffer b = ByteBuffer.wrap(frame);
        int length = b.getInt();
        b.getInt();
        byte[] payload = Arrays.copyOfRange(frame, 8, 8 + length);
        assertThat(new String(payload, java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo(new String(Json.bytes(e), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void aBatchIsJournaledInOrderAndReadsBack(@TempDir Path dir) {
    try (Engine e = Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(Instant.parse("2026-06-01T00:00:00Z"), 1))) {
      EngineTest.boot(e);
      String series = e.query(m -> m.ledger().allSeries().keySet().iterator().next().hex()).join();
      List<Outcome> outs = e.submitAll(List.of(
          new Command.Split("user:0", series, "1"),
          new Command.Merge("user:0", series, "0.5"),
          new Command.Merge("user:0", series, "5")), List.of("b#0", "b#1", "b#2")).join();
      assertThat(outs).extracting(Outcome::accepted).containsExactly(true, true, false);
      assertThat(outs.get(1).seq()).isEqualTo(outs.get(0).seq() + 1);
      assertThat(outs.get(2).seq()).isEqualTo(outs.get(0).seq() + 2);
    }
    List<Entry> back = Journal.readAll(dir.resolve("journal.bin"));
    assertThat(back.subList(back.size() - 3, back.size())).extracting(Entry::idem).containsExactly("b#0", "b#1", "b#2");
  }
}
