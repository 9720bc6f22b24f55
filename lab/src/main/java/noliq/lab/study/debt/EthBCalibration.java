package noliq.lab.study.debt;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import noliq.lab.scenarios.Bar;
import noliq.lab.scenarios.OhlcSeries;
import noliq.math.RuleViolation;

/**
 * The borrower population's two distributions, fitted on real Maker ETH-B vault events
 * ({@code maker/ethb_*.csv}, 2020-10-19 … 2023-01-13; source {@code fsc-data-science/MKR-Elasticity-ETHB},
 * MIT, shipped in the project's {@code data/}) and Binance hourly ETH/USDT closes.
 *
 * <p>Method: every vault's events are folded in block order (deposits and withdrawals move its
 * collateral; borrows, repayments and liquidations its debt; the files carry no stability-fee
 * accrual, so debt is the DAI drawn net of repayments). Right after each borrow, the vault's state
 * is one observation of a position at the time its owner chose it: debt {@code art} [DAI] and health
 * {@code ink · price / (art · mat)} with mat 130 % and the close of the last complete hour before the
 * borrow. Observations with debt under ETH-B's 30,000 DAI dust (in force since 2021-06-18) or a
 * health at or below 1 (a state the folded, incomplete event set gets wrong) are left out. Fitted:
 * {@code ln(debt)} and {@code ln(health − 1)} as normals (mean and sample standard deviation).
 * Weighting: per borrow event, so vaults that borrow often weigh more; that is the stated choice.
 *
 * <p>{@link #COMMITTED} is the fit the study runs on; {@code EthBCalibrationTest} refits it from the
 * files and fails if they disagree.
 */
public final class EthBCalibration {
  /** ETH-B's liquidation ratio, which turns a collateral ratio into a health. */
  static final double MAT = 1.3;
  /** ETH-B's dust since the spell of 2021-06-18 [DAI]: the smallest debt kept in the fit. */
  static final double DUST = 30_000;
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");
  private static final int PRICE_LOOKBACK_HOURS = 6;

  private EthBCalibration() {}

  /**
   * A fitted population: {@code ln(debt)} ~ N(logDebtMean, logDebtSd) [DAI], and
   * {@code ln(health − 1)} ~ N(logExcessHealthMean, logExcessHealthSd), from {@code observations}
   * borrow events.
   */
  public record Fit(int observations, double logDebtMean, double logDebtSd, double logExcessHealthMean,
      double logExcessHealthSd) {
    public Fit {
      if (observations < 2 || !(logDebtSd > 0) || !(logExcessHealthSd > 0)
          || !Double.isFinite(logDebtMean) || !Double.isFinite(logExcessHealthMean)) {
        throw new RuleViolation("fit", "needs at least two observations and positive, finite spreads (was "
            + observations + ", " + logDebtSd + ", " + logExcessHealthSd + ")");
      }
    }

    /** The median debt of a position [USD]. */
    public double medianDebt() {
      return Math.exp(logDebtMean);
    }

    /** The median health of a position. */
    public double medianHealth() {
      return 1 + Math.exp(logExcessHealthMean);
    }
  }

  /**
   * The fit committed with the study, from the shared data as of 2026-11-21 (maker files at
   * commit 92fb84d of fsc-data-science/MKR-Elasticity-ETHB; hourly closes of eth_usdt_1h.csv):
   * 8,010 borrow events; median debt 397,570 DAI (log-sd 1.639); median health 1.177
   * (ln(h − 1): mean −1.733, sd 1.403; the 5th, 50th and 95th percentiles of the observed health
   * are about 1.01, 1.23 and 2.15).
   */
  public static final Fit COMMITTED = new Fit(8010, 13.060641, 1.638921, -1.733425, 1.403314);

  /** One vault event, in block order. */
  private record Event(long block, int order, Instant at, String vault, double ink, double art) {}

  /** Refits from the six files in {@code makerDir} and the hourly closes in {@code hourly}. */
  public static Fit fit(Path makerDir, OhlcSeries hourly) {
    List<Event> events = new ArrayList<>();
    read(makerDir.resolve("ethb_vault_deposits.csv"), "DEPOSIT_AMOUNT_ADJ", 0, 1, 0, events);
    read(makerDir.resolve("ethb_dai_borrows.csv"), "DAI_MINTED", 1, 0, 1, events);
    read(makerDir.resolve("ethb_dai_repayments.csv"), "DAI_REPAYED", 2, 0, -1, events);
    read(makerDir.resolve("ethb_vault_withdrawals.csv"), "WITHDRAWN_AMOUNT_ADJ", 3, 1, 0, events);
    readLiquidations(makerDir.resolve("ethb_vault_liquidations.csv"), events);
    events.sort(Comparator.comparingLong(Event::block).thenComparingInt(Event::order));
    Map<Long, Double> closes = new HashMap<>();
    for (Bar b : hourly.bars()) {
      closes.put(b.time().getEpochSecond() / 3600, b.close());
    }
    Map<String, double[]> vaults = new HashMap<>();
    List<Double> logDebt = new ArrayList<>();
    List<Double> logExcess = new ArrayList<>();
    for (Event e : events) {
      double[] v = vaults.computeIfAbsent(e.vault(), k -> new double[2]);
      v[0] = Math.max(0, v[0] + e.ink());
      v[1] = Math.max(0, v[1] + e.art());
      if (e.order() != 1 || v[0] <= 0 || v[1] < DUST) {
        continue;
      }
      Double price = lastClose(closes, e.at());
      if (price == null) {
        continue;
      }
      double health = v[0] * price / (v[1] * MAT);
      if (health > 1) {
        logDebt.add(Math.log(v[1]));
        logExcess.add(Math.log(health - 1));
      }
    }
    return new Fit(logDebt.size(), mean(logDebt), sd(logDebt), mean(logExcess), sd(logExcess));
  }

  /**
   * What ETH-B owners did when their vault came close to liquidation, as the events show it.
   *
   * <p>Method, stated: every vault's events are folded in block order as in {@link #fit}; between
   * events its health {@code ink · close / (art · 1.3)} is read at every hourly close (debt at
   * least {@value #REACTION_MIN_DEBT} DAI). An <em>episode</em> starts at the first close with a
   * health under {@value #ALARM_HEALTH} (once the vault has been at or above it); it ends with the
   * owner's first deposit or repayment (a reaction), a liquidation, a close back at or above the
   * level, or {@value #EPISODE_DAYS} days. {@code reactShare} is reacted episodes over all
   * episodes; {@code repayShare} the share of reactions that were repayments (the rest deposits);
   * the delay is the median time from the episode's start to the reaction; the health at the
   * reaction is read at the last close before it. Caveats: the files carry no stability fee (debt is
   * understated by a few %, health overstated); some deposits and repayments are routine rather
   * than reactions, which biases the share up; the personal threshold cannot be separated from the
   * delay, so the delay is measured from the {@value #ALARM_HEALTH} crossing.
   *
   * @param episodes episodes found
   * @param reacted episodes ended by a deposit or repayment
   * @param repaid reactions that were repayments
   * @param liquidated episodes ended by a liquidation
   * @param medianDelayHours median hours from an episode's start to its reaction
   * @param healthAtReactionP10 10th percentile of the health at the reaction
   * @param healthAtReactionP90 90th percentile of the health at the reaction
   * @param liquidatedVaults vaults liquidated at least once
   * @param reopenedVaults of those, vaults that borrowed again after their last liquidation (a lower
   *     bound on reopening: an owner may open a new vault instead)
   */
  public record Reactions(int episodes, int reacted, int repaid, int liquidated, double medianDelayHours,
      double healthAtReactionP10, double healthAtReactionP90, int liquidatedVaults, int reopenedVaults) {
    public double reopenShare() {
      return (double) reopenedVaults / liquidatedVaults;
    }

    public double reactShare() {
      return (double) reacted / episodes;
    }

    public double repayShare() {
      return (double) repaid / reacted;
    }
  }

  /** The health under which an episode starts: the top of the stated personal-threshold band. */
  static final double ALARM_HEALTH = 1.2;
  /** How long an episode may last without an outcome [days]. */
  static final int EPISODE_DAYS = 7;
  /** The least debt for a vault's health to be read [DAI]. */
  static final double REACTION_MIN_DEBT = 1_000;

  /**
   * The reactions committed with the study, from the same files as {@link #COMMITTED}; refitted by
   * {@code EthBCalibrationTest}: 5,399 episodes, 1,546 reacted (28.6 %), 1,011 of them by repaying
   * (65.4 %), 40 ended in a liquidation; median delay 6 h from the 1.2 crossing; health at the
   * reaction 1.034 (10th percentile) to 1.186 (90th).
   */
  public static final Reactions COMMITTED_REACTIONS = new Reactions(5399, 1546, 1011, 40, 6.0, 1.0342502714500728,
      1.1859524792312586, 86, 9);

  /** Refits {@link Reactions} from the six files in {@code makerDir} and the hourly closes in {@code hourly}. */
  public static Reactions fitReactions(Path makerDir, OhlcSeries hourly) {
    List<Event> events = new ArrayList<>();
    read(makerDir.resolve("ethb_vault_deposits.csv"), "DEPOSIT_AMOUNT_ADJ", 0, 1, 0, events);
    read(makerDir.resolve("ethb_dai_borrows.csv"), "DAI_MINTED", 1, 0, 1, events);
    read(makerDir.resolve("ethb_dai_repayments.csv"), "DAI_REPAYED", 2, 0, -1, events);
    read(makerDir.resolve("ethb_vault_withdrawals.csv"), "WITHDRAWN_AMOUNT_ADJ", 3, 1, 0, events);
    readLiquidations(makerDir.resolve("ethb_vault_liquidations.csv"), events);
    events.sort(Comparator.comparingLong(Event::block).thenComparingInt(Event::order));
    List<Bar> bars = hourly.bars();
    long firstHour = bars.get(0).time().getEpochSecond() / 3600;
    long lastHour = bars.get(bars.size() - 1).time().getEpochSecond() / 3600;
    double[] close = new double[(int) (lastHour - firstHour + 1)];
    java.util.Arrays.fill(close, Double.NaN);
    for (Bar b : bars) {
      close[(int) (b.time().getEpochSecond() / 3600 - firstHour)] = b.close();
    }
    long dataEnd = events.get(events.size() - 1).at().getEpochSecond() / 3600;
    Map<String, List<Event>> byVault = new java.util.LinkedHashMap<>();
    for (Event e : events) {
      byVault.computeIfAbsent(e.vault(), k -> new ArrayList<>()).add(e);
    }
    int[] counts = new int[4];
    int liquidatedVaults = 0;
    int reopenedVaults = 0;
    List<Double> delays = new ArrayList<>();
    List<Double> healthAt = new ArrayList<>();
    for (List<Event> vault : byVault.values()) {
      Episode ep = new Episode();
      double ink = 0;
      double art = 0;
      long scanned = vault.get(0).at().getEpochSecond() / 3600 - 1;
      for (Event e : vault) {
        long hour = e.at().getEpochSecond() / 3600;
        scanned = scan(ep, ink, art, scanned, hour - 1, close, firstHour, counts);
        if (ep.open) {
          if (e.order() == 0 || e.order() == 2) {
            counts[1]++;
            if (e.order() == 2) {
              counts[2]++;
            }
            delays.add((double) (hour - ep.start));
            healthAt.add(ep.lastHealth);
            ep.open = false;
          } else if (e.order() == 4) {
            counts[3]++;
            ep.open = false;
          }
        }
        ink = Math.max(0, ink + e.ink());
        art = Math.max(0, art + e.art());
      }
      scan(ep, ink, art, scanned, dataEnd, close, firstHour, counts);
      int lastLiquidation = -1;
      for (int k = 0; k < vault.size(); k++) {
        if (vault.get(k).order() == 4) {
          lastLiquidation = k;
        }
      }
      if (lastLiquidation >= 0) {
        liquidatedVaults++;
        for (int k = lastLiquidation + 1; k < vault.size(); k++) {
          if (vault.get(k).order() == 1) {
            reopenedVaults++;
            break;
          }
        }
      }
    }
    return new Reactions(counts[0], counts[1], counts[2], counts[3], quantile(delays, 0.5), quantile(healthAt, 0.1),
        quantile(healthAt, 0.9), liquidatedVaults, reopenedVaults);
  }

  /** A vault's current episode while its hours are scanned. */
  private static final class Episode {
    boolean armed;
    boolean open;
    long start;
    double lastHealth;
  }

  /** Reads hours {@code (from, to]} at a constant state; returns the last hour read. */
  private static long scan(Episode ep, double ink, double art, long from, long to, double[] close, long firstHour,
      int[] counts) {
    for (long h = from + 1; h <= to; h++) {
      int k = (int) (h - firstHour);
      if (k < 0 || k >= close.length || Double.isNaN(close[k])) {
        continue;
      }
      if (art < REACTION_MIN_DEBT) {
        ep.open = false;
        ep.armed = true;
        continue;
      }
      double health = ink * close[k] / (art * MAT);
      if (ep.open) {
        if (health >= ALARM_HEALTH || h - ep.start > EPISODE_DAYS * 24L) {
          ep.open = false;
        }
      } else if (ep.armed && health < ALARM_HEALTH) {
        ep.open = true;
        ep.armed = false;
        ep.start = h;
        counts[0]++;
      }
      if (health >= ALARM_HEALTH) {
        ep.armed = true;
      }
      ep.lastHealth = health;
    }
    return Math.max(from, to);
  }

  private static double quantile(List<Double> xs, double q) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s[(int) Math.min(s.length - 1, Math.floor(q * s.length))];
  }

  /** The close of the last complete hour before {@code at} (looking back at most 6 hours over gaps). */
  private static Double lastClose(Map<Long, Double> closes, Instant at) {
    long hour = at.getEpochSecond() / 3600 - 1;
    for (int k = 0; k < PRICE_LOOKBACK_HOURS; k++) {
      Double c = closes.get(hour - k);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  private static void read(Path file, String column, int order, int inkSign, int artSign, List<Event> out) {
    for (Map<String, String> row : rows(file)) {
      double x = Double.parseDouble(row.get(column));
      out.add(new Event(Long.parseLong(row.get("BLOCK_NUMBER")), order, time(row.get("BLOCK_TIMESTAMP")),
          row.get("VAULT_NUMBER"), inkSign * x, artSign * x));
    }
  }

  private static void readLiquidations(Path file, List<Event> out) {
    for (Map<String, String> row : rows(file)) {
      out.add(new Event(Long.parseLong(row.get("BLOCK_NUMBER")), 4, time(row.get("BLOCK_TIMESTAMP")),
          row.get("VAULT_NUMBER"), -Double.parseDouble(row.get("COLLATERAL_LIQUIDATED_AMOUNT")),
          -Double.parseDouble(row.get("DAI_REPAYED_AMOUNT"))));
    }
  }

  private static List<Map<String, String>> rows(Path file) {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
      return it.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private static Instant time(String text) {
    return LocalDateTime.parse(text.strip(), TIMESTAMP).toInstant(ZoneOffset.UTC);
  }

  private static double mean(List<Double> xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.size();
  }

  private static double sd(List<Double> xs) {
    double m = mean(xs);
    double s = 0;
    for (double x : xs) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (xs.size() - 1));
  }
}
