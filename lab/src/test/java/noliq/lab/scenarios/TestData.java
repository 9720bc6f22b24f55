package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;

/**
 * The real data files a test reads. The shipped ones (the project's {@code data/}) are always
 * there; the others belong to the data suite ({@code noliq.lab.data.RequiresData}), which runs when
 * {@code -Dnoliq.data} or {@code NOLIQ_DATA} names a directory laid out like {@code shared/data}.
 * A missing file fails the test: none passes without checking what it says it checks.
 */
public final class TestData {
  private TestData() {}

  /** A file of the given data directory (a data-suite test names it in its {@code @RequiresData}). */
  public static Path require(String name) {
    return DataFiles.file(name).orElseGet(() -> fail(name + " not found: data-suite tests read it from the directory "
        + "named by -Dnoliq.data or NOLIQ_DATA (laid out like shared/data) and must say so with @RequiresData"));
  }

  /** A file of the project's shipped {@code data/} folder. */
  public static Path shipped(String name) {
    return DataFiles.shipped(name).orElseGet(() -> fail("data/" + name + " not found: the project ships it"));
  }

  /** The shipped hourly Binance ETH/USDT bars, 2017-08-17T04:00Z to 2025-12-02T18:00Z. */
  public static Path shippedHourly() {
    return shipped(DataFiles.ETH_HOURLY_SHIPPED);
  }
}
