package noliq.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import noliq.math.RuleViolation;
import noliq.node.engine.FsyncPolicy;
import org.junit.jupiter.api.Test;

/** The load generator's options: defaults, and each bad value refused naming its option and rule. */
class LoadGeneratorOptionsTest {
  @Test
  void defaultsAndAFullLine() {
    assertThat(LoadGenerator.Options.parse(new String[0]))
        .isEqualTo(new LoadGenerator.Options(16, 60, 1, FsyncPolicy.ALWAYS, false, 1, 0, null, 0));
    String tmp = System.getProperty("java.io.tmpdir");
    assertThat(LoadGenerator.Options.parse(("--clients 4 --seconds 600 --seed 7 --fsync OS --direct true --batch 256"
        + " --rate 12000.5 --journal-dir " + tmp + " --warmup 20").split(" ")))
        .isEqualTo(new LoadGenerator.Options(4, 600, 7, FsyncPolicy.OS, true, 256, 12000.5, java.nio.file.Path.of(tmp), 20));
  }

  @Test
  void badValuesAreRefusedNamingTheOption() {
    refused("--clients 0", "--clients", "[1, 1024]");
    refused("--clients 1025", "--clients", "[1, 1024]");
    refused("--seconds 0", "--seconds", "[1, 86400]");
    refused("--seconds 86401", "--seconds", "[1, 86400]");
    refused("--batch 0", "--batch", "[1, 256]");
    refused("--batch 257", "--batch", "[1, 256]");
    refused("--batch x", "--batch", "whole number");
    refused("--seed 1.5", "--seed", "whole number");
    refused("--fsync sometimes", "--fsync", "ALWAYS");
    refused("--direct yes", "--direct", "true or false");
    refused("--speed 3", "--speed", "not an option");
    refused("--clients", "--clients", "needs a value");
    refused("--rate -1", "--rate", "[0, 10000000]");
    refused("--rate NaN", "--rate", "[0, 10000000]");
    refused("--rate fast", "--rate", "a number");
    refused("--warmup 3601", "--warmup", "[0, 3600]");
    refused("--journal-dir /nonexistent/noliq", "--journal-dir", "writable directory");
  }

  private static void refused(String line, String field, String rulePart) {
    assertThatThrownBy(() -> LoadGenerator.Options.parse(line.split(" ")))
        .isInstanceOfSatisfying(RuleViolation.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.rule()).contains(rulePart).doesNotContain("\n");
        });
  }
}
