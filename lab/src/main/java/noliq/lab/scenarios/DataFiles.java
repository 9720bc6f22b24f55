package noliq.lab.scenarios;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;

/**
 * Where the real data is. Two places, never searched for beyond them:
 * <ul>
 *   <li>the <b>shipped</b> data, the project's own {@code data/} folder (the MIT-licensed files with
 *       their {@code NOTICE.md}): found under the directory named by the system property
 *       {@code noliq.home} (the {@code noliq} launcher passes its own directory), else relative to
 *       where these classes were loaded from ({@code <project>/<module>/target/classes} or
 *       {@code <project>/cli/target/noliq.jar});</li>
 *   <li>a <b>given</b> data directory laid out like {@code shared/data}: the system property
 *       {@code noliq.data}, else the environment variable {@code NOLIQ_DATA} (commands also take
 *       {@code --data DIR} or {@code --prices FILE}). Files that may not be shipped (intraday crash
 *       bars, option chains, the hourly bars after 2025) are only ever read from here.</li>
 * </ul>
 */
public final class DataFiles {
  /** The hourly Binance ETH/USDT file of {@code shared/data} (2017-08-17 to 2026-07-26), the default model's fit. */
  public static final String ETH_HOURLY = "eth_usdt_1h.csv";
  /** The same bars as shipped: the MIT-licensed segment, 2017-08-17T04:00Z to 2025-12-02T18:00Z. */
  public static final String ETH_HOURLY_SHIPPED = "eth_usdt_1h_2017-2025.csv";
  /** The file every shipped data folder holds: its sources, copyright lines and licence. */
  public static final String NOTICE = "NOTICE.md";
  /** The system property naming the project directory that holds {@code data/}. */
  public static final String HOME_PROPERTY = "noliq.home";
  /** The system property naming a data directory laid out like {@code shared/data}. */
  public static final String DATA_PROPERTY = "noliq.data";
  /** The environment variable read when {@link #DATA_PROPERTY} is not set. */
  public static final String DATA_ENV = "NOLIQ_DATA";
  /** How far up from the class location the project's {@code data/} is looked for (jar, target, module). */
  private static final int MAX_LEVELS_UP = 4;

  private DataFiles() {}

  /**
   * The given data directory ({@code -Dnoliq.data}, else {@code NOLIQ_DATA}) as it was written, if
   * one is given at all, whether or not it exists: callers that must not run without it check it.
   */
  public static Optional<Path> given() {
    String configured = System.getProperty(DATA_PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(DATA_ENV);
    }
    if (configured == null || configured.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Path.of(configured).toAbsolutePath().normalize());
  }

  /** The given data directory, if one is given and exists. */
  public static Optional<Path> directory() {
    return given().filter(Files::isDirectory);
  }

  /** A file in the given data directory, if the directory is given and holds it. */
  public static Optional<Path> file(String name) {
    return directory().map(d -> d.resolve(name)).filter(Files::isRegularFile);
  }

  /**
   * The project's shipped {@code data/} directory: under {@code -Dnoliq.home} when it is set (and
   * then only there), else found from the location these classes were loaded from.
   */
  public static Optional<Path> shipped() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home != null && !home.isBlank()) {
      return asShipped(Path.of(home).toAbsolutePath().normalize().resolve("data"));
    }
    Path at = codeLocation();
    for (int up = 0; at != null && up <= MAX_LEVELS_UP; up++, at = at.getParent()) {
      Optional<Path> found = asShipped(at.resolve("data"));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** A file of the shipped data, e.g. {@code shipped("eth_dvol_daily_deribit.csv")}. */
  public static Optional<Path> shipped(String name) {
    return shipped().map(d -> d.resolve(name)).filter(Files::isRegularFile);
  }

  /** The shipped hourly ETH/USDT history (2017-2025), the default real history of {@code compare}. */
  public static Optional<Path> shippedHourly() {
    return shipped(ETH_HOURLY_SHIPPED);
  }

  /**
   * The hourly ETH/USDT file of a data directory: {@link #ETH_HOURLY} where the directory is laid
   * out like {@code shared/data}, else {@link #ETH_HOURLY_SHIPPED} (the project's {@code data/}).
   */
  public static Optional<Path> hourlyIn(Path directory) {
    for (String name : List.of(ETH_HOURLY, ETH_HOURLY_SHIPPED)) {
      Path p = directory.resolve(name);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The hourly history a run reads by default: the given directory's if it holds one, else the shipped one. */
  public static Optional<Path> hourly() {
    return directory().flatMap(DataFiles::hourlyIn).or(DataFiles::shippedHourly);
  }

  private static Optional<Path> asShipped(Path dir) {
    return Files.isRegularFile(dir.resolve(NOTICE)) && Files.isRegularFile(dir.resolve(ETH_HOURLY_SHIPPED))
        ? Optional.of(dir) : Optional.empty();
  }

  private static Path codeLocation() {
    try {
      CodeSource source = DataFiles.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }
}
