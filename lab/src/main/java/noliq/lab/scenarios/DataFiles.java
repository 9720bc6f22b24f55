package noliq.lab.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real data is, when a run is given it: the system property {@code noliq.data}, else the
 * environment variable {@code NOLIQ_DATA}, naming a directory such as {@code shared/data}. The data
 * is never part of the project and never searched for; commands take it with {@code --data} or
 * {@code --prices}, and the build's tests are given the directory beside the clone (root pom,
 * surefire's {@code noliq.data}).
 */
public final class DataFiles {
  /** The hourly Binance ETH/USDT file the default model is fitted on. */
  public static final String ETH_HOURLY = "eth_usdt_1h.csv";

  private DataFiles() {}

  /** The configured data directory, if one is set and exists. */
  public static Optional<Path> directory() {
    String configured = System.getProperty("noliq.data");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("NOLIQ_DATA");
    }
    if (configured == null || configured.isBlank()) {
      return Optional.empty();
    }
    Path p = Path.of(configured).toAbsolutePath().normalize();
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  /** A file in the data directory, if the directory is configured and holds it. */
  public static Optional<Path> file(String name) {
    return directory().map(d -> d.resolve(name)).filter(Files::isRegularFile);
  }
}
