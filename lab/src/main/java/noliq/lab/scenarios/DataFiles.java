package noliq.lab.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real data of {@code shared/data} is. The data is not part of the project; it sits
 * beside the clone ({@code <clone>/../shared/data}). In order: the system property
 * {@code noliq.data}, the environment variable {@code NOLIQ_DATA}, then a {@code shared/data}
 * directory next to the working directory or any of its parents (so it is found from the repo
 * root, from a module directory during tests, and from a worktree one level deeper).
 */
public final class DataFiles {
  /** The hourly Binance ETH/USDT file the default model is fitted on. */
  public static final String ETH_HOURLY = "eth_usdt_1h.csv";

  private DataFiles() {}

  /** The data directory, if one is configured or found. */
  public static Optional<Path> directory() {
    String configured = System.getProperty("noliq.data");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("NOLIQ_DATA");
    }
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured).toAbsolutePath().normalize();
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A file in the data directory, if the directory is found and holds it. */
  public static Optional<Path> file(String name) {
    return directory().map(d -> d.resolve(name)).filter(Files::isRegularFile);
  }
}
