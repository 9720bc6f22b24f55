package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;

/**
 * The real data files a test needs. The build gives the tests {@code shared/data} beside the clone
 * (root pom, surefire's {@code noliq.data}), as CI has it; a missing file fails the test with that
 * explanation rather than letting it pass without checking anything.
 */
public final class TestData {
  private TestData() {}

  public static Path require(String name) {
    return DataFiles.file(name).orElseGet(() -> fail(name + " not found: the tests read the real data from the directory "
        + "named by -Dnoliq.data or NOLIQ_DATA (the build sets it to ../shared/data beside the clone)"));
  }
}
