package noliq.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  /** A clock the test moves. */
  static final class FakeClock implements Progress.Clock {
    long now;

    @Override
    public long nanoTime() {
      return now;
    }

    void seconds(double s) {
      now += (long) (s * 1e9);
    }
  }

  @Test
  void onATerminalTheBarAdvancesPerPathWithAnEtaAndEndsItsLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FakeClock clock = new FakeClock();
    Progress.Display bar = new Progress.Display("compare default", new PrintStream(bytes, true, StandardCharsets.UTF_8), true, clock);
    bar.start(100);
    clock.seconds(0.5);
    bar.advance(1);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).as("nothing in the first second").isEmpty();
    clock.seconds(0.5);
    bar.advance(24); // 25 paths after 1 s: 3 s to go
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown).startsWith("\rcompare default  25% [======").contains("25/100 paths, 0:00:01 elapsed, ETA 0:00:03");
    clock.seconds(0.1);
    bar.advance(1);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).as("redrawn at most every 200 ms").isEqualTo(shown);
    clock.seconds(1);
    bar.advance(25);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("51/100 paths");
    bar.finish();
    String all = bytes.toString(StandardCharsets.UTF_8);
    assertThat(all).endsWith("\n").contains("ETA 0:00:00");
    assertThat(all.chars().filter(c -> c == '\n').count()).as("one line, ended, so an error never joins it").isEqualTo(1);
  }

  @Test
  void elsewhereItPrintsALineEveryTenSecondsAtMost() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FakeClock clock = new FakeClock();
    Progress.Display log = new Progress.Display("bench", new PrintStream(bytes, true, StandardCharsets.UTF_8), false, clock);
    log.start(1000);
    for (int i = 0; i < 1000; i++) {
      clock.seconds(0.03); // 30 s in all
      log.advance(1);
    }
    log.finish();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines.length).isBetween(3, 5);
    assertThat(lines[0]).startsWith("bench: ").contains("paths), 0:00:01 elapsed, ETA 0:00:");
    assertThat(lines[lines.length - 1]).isEqualTo("bench: 100% (1,000/1,000 paths), 0:00:30 elapsed, done");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
  }

  @Test
  void aQuickRunPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FakeClock clock = new FakeClock();
    Progress.Display bar = new Progress.Display("quick", new PrintStream(bytes, true, StandardCharsets.UTF_8), true, clock);
    bar.start(10);
    for (int i = 0; i < 10; i++) {
      clock.seconds(0.05);
      bar.advance(1);
    }
    bar.finish();
    assertThat(bytes.size()).isZero();
  }
}
