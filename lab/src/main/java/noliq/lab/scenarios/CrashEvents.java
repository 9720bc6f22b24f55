package noliq.lab.scenarios;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import noliq.lab.scenarios.CrashEvent.Pin;
import noliq.lab.scenarios.CrashEvent.Pin.Kind;
import noliq.math.RuleViolation;

/**
 * The six crashes of the study, pinned to published exchange data: Binance spot ETH/USDT klines.
 * Each pin names its source. The files are those of {@code shared/data} (see its README for the
 * upstream repositories and commits); {@code CrashEventsTest} re-reads them and checks every pin.
 * Opens are the open of the first bar of the window, closes the close of its last bar (pinned at
 * that bar's end), lows the lowest low in the window, pinned at the open of the finest bar that
 * holds it. Each event's realised volatility (per year, from close-to-close log returns of the
 * finest file's bars over the window) is measured from the same files and drives its bridges.
 */
public final class CrashEvents {
  private static final String H1 = "Binance spot ETH/USDT 1h klines (shared/data/eth_usdt_1h.csv, from IamSTEINI/crypto-strategy-playground ETHUSDT_1h.csv @d89dc03)";
  private static final String M5_2020 = "Binance spot ETH/USDT 5m klines (shared/data/intraday/eth_usdt_5m_binance_2020-02-10_2020-03-31.csv, from aovolkov/freqml @783eaf2)";
  private static final String M1_2021 = "Binance spot ETH/USDT 1m klines (shared/data/intraday/eth_usdt_1m_binance_2021-04-20_2021-05-20.csv, from tooyipjee/freqtrade @44523f8)";
  private static final String M5_2022 = "Binance spot ETH/USDT 5m klines (shared/data/intraday/eth_usdt_5m_binance_2022-01-01_2022-08-04.csv, from Pr4v33n23/freqtrade @b920e9a)";
  private static final String M30_2024 = "time of the low from Binance USDT-M perpetual 30m klines (shared/data/intraday/eth_usdt_30m_binance-usdm-perp_2024-08-01_2024-08-10.csv, from nmtrong062000/crypto_signal_scanner @879876e; perp low 2112.0)";
  private static final String M15_2025 = "time of the low from Binance USDT-M perpetual 15m klines (shared/data/intraday/eth_usdt_15m_binance-usdm-perp_2025-10-07_2025-10-14.csv, from nmtrong062000/crypto_signal_scanner @879876e; perp low 3400.0)";
  private static final String M5_2026 = "Binance spot ETH/USDT 5m klines (shared/data/intraday/eth_usdt_5m_binance_2026-04-03_2026-07-02.csv, from Miku-cy/bb-regression-strategy @841f23f)";

  /** Black Thursday, 12–13 March 2020: COVID panic; Maker's zero-bid auctions. */
  public static final CrashEvent MAR_2020 = new CrashEvent("mar-2020", "Black Thursday, 12-13 Mar 2020", List.of(
      pin(Kind.OPEN, "2020-03-12T00:00:00Z", 194.61, H1 + "; same in " + M5_2020),
      pin(Kind.CLOSE, "2020-03-13T00:00:00Z", 107.82, H1 + ": close of 12 Mar"),
      pin(Kind.LOW, "2020-03-13T02:15:00Z", 86.00, M5_2020 + ": low of the 02:15 bar; hourly low 86.00 in the 02:00 bar of " + H1),
      pin(Kind.CLOSE, "2020-03-14T00:00:00Z", 134.06, H1 + ": close of 13 Mar")), 5.5447);

  /** 19 May 2021: the sell-off in which ETH briefly fell 44% from its open. */
  public static final CrashEvent MAY_2021 = new CrashEvent("may-2021", "19 May 2021 crash", List.of(
      pin(Kind.OPEN, "2021-05-19T00:00:00Z", 3375.08, H1),
      pin(Kind.LOW, "2021-05-19T13:10:00Z", 1888.00, M1_2021 + ": low of the 13:10 bar; hourly low 1888.00 in the 13:00 bar of " + H1),
      pin(Kind.CLOSE, "2021-05-20T00:00:00Z", 2438.92, H1 + ": close of 19 May")), 6.3717);

  /** June 2022: Celsius freezes withdrawals (12 Jun), 3AC; the low on 18 June. */
  public static final CrashEvent JUN_2022 = new CrashEvent("jun-2022", "June 2022: Celsius and 3AC, 10-18 Jun 2022", List.of(
      pin(Kind.OPEN, "2022-06-10T00:00:00Z", 1788.80, H1 + "; same in " + M5_2022),
      pin(Kind.CLOSE, "2022-06-14T00:00:00Z", 1209.82, H1 + ": close of 13 Jun, the day after Celsius froze withdrawals"),
      pin(Kind.LOW, "2022-06-18T20:10:00Z", 881.56, M5_2022 + ": low of the 20:10 bar; hourly low 881.56 in the 20:00 bar of " + H1),
      pin(Kind.CLOSE, "2022-06-19T00:00:00Z", 995.13, H1 + ": close of 18 Jun")), 1.8376);

  /** 5 August 2024: the yen carry-trade unwind. */
  public static final CrashEvent AUG_2024 = new CrashEvent("aug-2024", "5 Aug 2024: yen carry-trade unwind", List.of(
      pin(Kind.OPEN, "2024-08-05T00:00:00Z", 2688.91, H1),
      pin(Kind.LOW, "2024-08-05T01:00:00Z", 2111.00, H1 + ": low of the 01:00 bar; " + M30_2024 + ", bar 01:00"),
      pin(Kind.CLOSE, "2024-08-06T00:00:00Z", 2419.59, H1 + ": close of 5 Aug")), 3.0874);

  /** 10 October 2025: the sell-off after the US tariff announcement, and its liquidation cascade. */
  public static final CrashEvent OCT_2025 = new CrashEvent("oct-2025", "10 Oct 2025: tariff shock and liquidation cascade", List.of(
      pin(Kind.OPEN, "2025-10-10T00:00:00Z", 4368.09, H1),
      pin(Kind.LOW, "2025-10-10T21:15:00Z", 3435.00, H1 + ": low of the 21:00 bar; " + M15_2025 + ", bar 21:15"),
      pin(Kind.CLOSE, "2025-10-11T00:00:00Z", 3829.72, H1 + ": close of 10 Oct")), 1.9618);

  /** 2 June 2026: a steady slide to the day's low in its last hour. */
  public static final CrashEvent JUN_2026 = new CrashEvent("jun-2026", "2 Jun 2026", List.of(
      pin(Kind.OPEN, "2026-06-02T00:00:00Z", 2006.73, M5_2026 + "; same in " + H1),
      pin(Kind.LOW, "2026-06-02T23:25:00Z", 1839.02, M5_2026 + ": low of the 23:25 bar; hourly low 1839.02 in the 23:00 bar of " + H1),
      pin(Kind.CLOSE, "2026-06-03T00:00:00Z", 1859.84, M5_2026 + ": close of 2 Jun; same in " + H1)), 0.6937);

  /** All six, oldest first. */
  public static final List<CrashEvent> ALL = List.of(MAR_2020, MAY_2021, JUN_2022, AUG_2024, OCT_2025, JUN_2026);

  private CrashEvents() {}

  /** The event with this id; an unknown id is refused, listing the known ones. */
  public static CrashEvent byId(String id) {
    String key = id.strip().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(e -> e.id().equals(key)).findFirst().orElseThrow(() -> new RuleViolation("event",
        "unknown crash event '" + id + "' (known: " + ALL.stream().map(CrashEvent::id).collect(Collectors.joining(", ")) + ")"));
  }

  private static Pin pin(Kind kind, String time, double price, String source) {
    return new Pin(kind, Instant.parse(time), price, source);
  }
}
