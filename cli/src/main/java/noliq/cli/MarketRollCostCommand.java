package noliq.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import noliq.market.roll.RollAssumptions;
import noliq.market.roll.RollCostStudy;
import noliq.market.roll.RollCostStudy.Mechanism;
import noliq.market.roll.RollRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "roll-cost",
    mixinStandardHelpOptions = true,
    header = "Cost of one roll by AMM, auction and resting orders, in bps.",
    description = "Cost of one roll (sell P of one series, buy P of another) through an instant AMM swap, a Dutch "
        + "rotation auction filled by market makers, and patient resting orders in a book, in basis points against "
        + "Black-Scholes fair value on the market's implied-vol surface at each leg's strike and maturity, split into "
        + "spread or edge, fees and price impact. The market's state is given (--vol, --skew, --vol-of-vol, --rv-jump) "
        + "or read from history (--date with --data); makers, pools and flow react to it. Every modelling assumption is "
        + "printed with its source. Sizes are above 0 and at "
        + "most 1e15 USD, at most 1000 of them; vol is a fraction (0.7 = 70%%/yr) up to 10.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq market roll-cost --size-usd 10000,1000000 --from-strike 2000 \\", "      --to-strike 1500 --days 7 --vol 0.7",
        "  noliq market roll-cost --size-usd 100000 --from-strike 2000 \\", "      --to-strike 1500 --days 7 --vol 0.7 --mechanism book"})
final class MarketRollCostCommand implements Runnable {
  /** Which mechanisms to run. */
  enum MechanismChoice { AMM, AUCTION, BOOK, ALL }

  static final class MechanismChoices extends Choices.Candidates<MechanismChoice> {
    MechanismChoices() {
      super(MechanismChoice.class);
    }
  }

  static final class MechanismChoiceConverter extends Choices.Converter<MechanismChoice> {
    MechanismChoiceConverter() {
      super(MechanismChoice.class);
    }
  }

  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--size-usd", required = true, split = ",", paramLabel = "N",
      description = "Value of the P sold, in index units (USD); several sizes separated by commas.")
  List<Double> sizes;

  @Option(names = "--from-strike", required = true, paramLabel = "S1", description = "Strike of the series sold.")
  double fromStrike;

  @Option(names = "--to-strike", required = true, paramLabel = "S2", description = "Strike of the series bought.")
  double toStrike;

  @Option(names = "--days", required = true, paramLabel = "D", description = "Days to maturity of the series sold.")
  double days;

  @Option(names = "--to-days", paramLabel = "D2",
      description = "Days to maturity of the series bought (default: the same as --days).")
  Double toDays;

  @Option(names = "--vol", paramLabel = "V",
      description = "The surface's 30-day at-the-money implied vol per year (0.7 = 70%%; DVOL's convention). Required unless --date.")
  Double vol;

  @Option(names = "--skew", paramLabel = "K",
      description = "Put skew: the relative rise of implied vol per unit of -ln(K/x)/sqrt(T) (default: 0.174, fitted on Deribit's chain).")
  Double skew;

  @Option(names = "--vol-of-vol", paramLabel = "VV",
      description = "Annualised vol of the implied-vol level (default: 0, a frozen surface; or the date's).")
  Double volOfVol;

  @Option(names = "--rv-jump", paramLabel = "J",
      description = "Short-term realised vol over its 30-day level (default: 1, calm; or the date's).")
  Double rvJump;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Read the state from history: that day's ETH close as spot (unless --spot), Deribit DVOL as the level "
          + "(or, before DVOL, the mapping from realised vol), and the week's vol-of-vol and the day's realised-vol jump. "
          + "Needs --data (or NOLIQ_DATA).")
  java.time.LocalDate date;

  @Option(names = "--data", paramLabel = "DIR",
      description = "A data directory holding eth_usd_daily_close.csv and eth_dvol_daily_deribit.csv (as shared/data), for --date.")
  java.nio.file.Path data;

  @Option(names = "--spot", paramLabel = "X",
      description = "ETH price in index units (default: 3000, the spot of the P/N market-making backtest, anchors A12; or the date's close).")
  Double spot;

  @Option(names = "--mechanism", defaultValue = "all", paramLabel = "M", converter = MechanismChoiceConverter.class,
      completionCandidates = MechanismChoices.class, description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  MechanismChoice mechanism;

  @Option(names = "--pool-depth-usd", paramLabel = "USD",
      description = "Value locked in each P/ETH pool, both sides (default: 10000000; an assumption).")
  Double poolDepthUsd;

  @Option(names = "--makers", paramLabel = "K", description = "Number of market makers (default: 5; an assumption).")
  Integer makers;

  @Option(names = "--maker-inventory-usd", paramLabel = "USD",
      description = "Each maker's inventory limit per series and side (default: 5000000; an assumption).")
  Double makerInventoryUsd;

  @Option(names = "--maker-half-spread-bps", paramLabel = "BPS",
      description = "Makers' half-spread around fair value in a book (default: 25; an assumption).")
  Double makerHalfSpreadBps;

  @Option(names = "--patience-days", paramLabel = "DAYS",
      description = "How long resting orders wait before crossing (default: 3, from the post).")
  Double patienceDays;

  @Option(names = "--flow-usd-per-day", paramLabel = "USD",
      description = "Other traders' flow per leg per day that takes resting orders (default: 1000000; an assumption).")
  Double flowUsdPerDay;

  /** The defaults, with what the command line overrides. */
  RollAssumptions assumptions() {
    RollAssumptions d = RollAssumptions.DEFAULTS;
    java.time.Duration patience = patienceDays == null ? d.patience()
        : java.time.Duration.ofSeconds(Math.round(Limits.between("--patience-days", patienceDays, 0, false, 365, "days") * 86_400));
    return new RollAssumptions(
        poolDepthUsd == null ? d.ammPoolDepthUsd() : requirePositive("pool-depth-usd", poolDepthUsd),
        d.ammBaseFeePips(), d.ammFinalFeePips(), d.ammFeeRampWindow(), d.auctionEdgePips(), d.auctionRamp(),
        d.makerPollInterval(),
        makers == null ? d.makerCount() : (int) requirePositive("makers", makers),
        makerHalfSpreadBps == null ? d.makerHalfSpreadBps() : requireNonNegative("maker-half-spread-bps", makerHalfSpreadBps),
        d.makerMinEdgeBps(), d.makerMaxEdgeBps(),
        makerInventoryUsd == null ? d.makerInventoryUsd() : requirePositive("maker-inventory-usd", makerInventoryUsd),
        patience,
        flowUsdPerDay == null ? d.naturalFlowUsdPerDay() : requireNonNegative("flow-usd-per-day", flowUsdPerDay),
        d.flowInterval());
  }

  private static double requirePositive(String option, double v) {
    if (!(v > 0) || Double.isInfinite(v) || v > Limits.MAX_USD) {
      throw new noliq.math.RuleViolation(option, "must be a positive number, at most 1e15 (was " + v + ")");
    }
    return v;
  }

  private static double requireNonNegative(String option, double v) {
    if (!(v >= 0) || Double.isInfinite(v) || v > Limits.MAX_USD) {
      throw new noliq.math.RuleViolation(option, "must be a non-negative number, at most 1e15 (was " + v + ")");
    }
    return v;
  }

  /** One row of the comparison. */
  record Row(double sizeUsd, String mechanism, double filledFraction, double costBps, double costUsd, double spreadBps,
      double feeBps, double impactBps, double moveBps, double unfilledShare, Map<String, Object> details) {}

  /** The printed result. */
  record Result(Map<String, Object> roll, Map<String, Double> fairValue, List<Row> rows,
      List<RollAssumptions.Assumption> assumptions) {}

  /** The market's state: given, or read from history on --date. */
  record State(double spot, double vol, double skew, double volOfVol, double rvJump, String source) {}

  State state() {
    double k = skew == null ? noliq.market.roll.MarketReaction.DEFAULTS.putSkew() : skew;
    if (date == null) {
      if (vol == null) {
        throw new noliq.math.RuleViolation("vol", "is required (or give --date with --data to read it from history)");
      }
      return new State(spot == null ? 3000 : spot, vol, k, volOfVol == null ? 0 : volOfVol, rvJump == null ? 1 : rvJump,
          "given");
    }
    if (vol != null) {
      throw new noliq.math.RuleViolation("vol", "give either --vol or --date, not both");
    }
    java.util.Optional<java.nio.file.Path> given = data != null ? java.util.Optional.of(data) : noliq.lab.scenarios.DataFiles.directory();
    java.util.NavigableMap<java.time.LocalDate, Double> closes;
    java.nio.file.Path dvolFile;
    if (given.isPresent()) {
      java.nio.file.Path dir = given.get();
      java.nio.file.Path closesFile = dir.resolve(noliq.lab.scenarios.ImpliedVolFit.DAILY_CLOSES);
      if (!java.nio.file.Files.isRegularFile(closesFile)) {
        throw new noliq.math.RuleViolation("data", dir + " holds no " + noliq.lab.scenarios.ImpliedVolFit.DAILY_CLOSES);
      }
      closes = noliq.lab.scenarios.ImpliedVolFit.readDailyCloses(closesFile);
      dvolFile = dir.resolve(noliq.lab.scenarios.ImpliedVol.DVOL_FILE);
    } else {
      // No data directory: the project's shipped hourly bars (each UTC day's last close) and shipped DVOL.
      java.nio.file.Path hourly = noliq.lab.scenarios.DataFiles.shippedHourly().orElseThrow(() ->
          new noliq.math.RuleViolation("data", "--date needs the project's data/ folder or a data directory (--data DIR or NOLIQ_DATA)"));
      closes = noliq.lab.scenarios.ImpliedVolFit.dailyCloses(noliq.lab.scenarios.OhlcReader.read(hourly));
      dvolFile = noliq.lab.scenarios.DataFiles.shipped(noliq.lab.scenarios.ImpliedVol.DVOL_FILE).orElse(hourly.resolveSibling("none"));
    }
    var dvol = java.nio.file.Files.isRegularFile(dvolFile) ? noliq.lab.scenarios.ImpliedVol.readDvol(dvolFile)
        : java.util.Map.<java.time.LocalDate, Double>of();
    var day = noliq.lab.scenarios.ImpliedVolFit.stateOn(date, closes, dvol);
    return new State(spot == null ? day.spot() : spot, day.atm(), k, volOfVol == null ? day.volOfVol() : volOfVol,
        rvJump == null ? day.realisedVolJump() : rvJump, date + ": level from " + day.atmSource());
  }

  @Override
  public void run() {
    Set<Mechanism> mechanisms = mechanism == MechanismChoice.ALL
        ? EnumSet.allOf(Mechanism.class) : EnumSet.of(Mechanism.valueOf(mechanism.name()));
    double d2 = toDays == null ? days : toDays;
    if (sizes == null || sizes.isEmpty() || sizes.contains(null)) {
      throw new noliq.math.RuleViolation("--size-usd", "needs one or more sizes separated by single commas, such as 10000,1000000");
    }
    if (sizes.size() > Limits.MAX_LIST) {
      throw new noliq.math.RuleViolation("--size-usd", "takes at most " + Limits.MAX_LIST + " sizes (was " + sizes.size() + ")");
    }
    sizes.forEach(size -> Limits.usd("--size-usd", size, false));
    if (spot != null) {
      Limits.price("--spot", spot);
    }
    Limits.price("--from-strike", fromStrike);
    Limits.price("--to-strike", toStrike);
    Limits.days("--days", days);
    Limits.days("--to-days", d2);
    if (vol != null) {
      Limits.vol("--vol", vol);
    }
    if (makers != null) {
      Limits.between("--makers", makers, 1, 1000);
    }
    // Validate every size before running anything.
    RollAssumptions assumptions = assumptions();
    State st = state();
    double spot = st.spot();
    double vol = st.vol();
    List<RollRequest> requests = new ArrayList<>();
    for (double size : sizes) {
      requests.add(new RollRequest(size, spot, fromStrike, days, toStrike, d2, vol, st.skew(), st.volOfVol(), st.rvJump()));
    }
    List<Row> rows = new ArrayList<>();
    RollCostStudy.Report last = null;
    for (RollRequest req : requests) {
      last = RollCostStudy.run(req, assumptions, mechanisms);
      for (var c : last.costs()) {
        rows.add(new Row(c.sizeUsd(), c.mechanism().name().toLowerCase(), c.filledFraction(), c.costBps(),
            c.costUsd(), c.spreadBps(), c.feeBps(), c.impactBps(), c.moveBps(), c.unfilledShare(), c.details()));
      }
    }
    Map<String, Object> roll = new LinkedHashMap<>();
    roll.put("spot", spot);
    roll.put("fromStrike", fromStrike);
    roll.put("fromDays", days);
    roll.put("toStrike", toStrike);
    roll.put("toDays", d2);
    roll.put("vol", vol);
    roll.put("putSkew", st.skew());
    roll.put("volOfVol", st.volOfVol());
    roll.put("realisedVolJump", st.rvJump());
    roll.put("state", st.source());
    var surface = RollCostStudy.surface(requests.get(0), assumptions.reaction());
    roll.put("fromVol", surface.volDays(spot, fromStrike, days));
    roll.put("toVol", surface.volDays(spot, toStrike, d2));
    Map<String, Double> fair = new LinkedHashMap<>();
    fair.put("oldP_eth", last.fair().oldPEth());
    fair.put("newP_eth", last.fair().newPEth());
    fair.put("oldP_index", last.fair().oldPIndex());
    fair.put("newP_index", last.fair().newPIndex());
    Result result = new Result(roll, fair, rows, last.assumptions());
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, result, r -> {
      out.printf("Roll P(S=%s, %s days) -> P(S=%s, %s days) at spot %.2f%n", fromStrike, days, toStrike, d2, spot);
      out.printf("State (%s): 30-day ATM vol %.4f, put skew %.3f, vol-of-vol %.3f, realised-vol jump %.3f%n",
          st.source(), vol, st.skew(), st.volOfVol(), st.rvJump());
      out.printf("Surface at the legs: old %.4f, new %.4f%n", (double) r.roll().get("fromVol"), (double) r.roll().get("toVol"));
      out.printf("Fair value per P: old %.6f ETH (%.2f), new %.6f ETH (%.2f)%n%n", r.fairValue().get("oldP_eth"),
          r.fairValue().get("oldP_index"), r.fairValue().get("newP_eth"), r.fairValue().get("newP_index"));
      out.printf("%14s  %-8s %12s %16s %10s %8s %10s %8s %9s%n", "size (USD)", "mechanism", "cost (bps)",
          "cost (USD)", "spread", "fees", "impact", "move", "unfilled");
      for (Row row : r.rows()) {
        out.printf("%,14.0f  %-8s %12.2f %,16.0f %10.2f %8.2f %10.2f %8.2f %8.1f%%%n", row.sizeUsd(), row.mechanism(),
            row.costBps(), row.costUsd(), row.spreadBps(), row.feeBps(), row.impactBps(), row.moveBps(),
            100 * row.unfilledShare());
      }
      out.printf("%nCost is (fair value given - fair value received) / fair value given, over the filled part; the rest"
          + " is the unfilled share.%nSpread is the spread or edge paid to makers; fees go to the pools; impact is the"
          + " pools' price impact.%nAt a frozen state the market's move while waiting is 0; the study measures it on"
          + " paths (roll_move_bps), where resting orders also meet adverse moves.%n");
      out.printf("%nAssumptions:%n");
      for (var a : r.assumptions()) {
        out.printf("  %-20s %s%n  %-20s   source: %s%n", a.name(), a.value(), "", a.source());
      }
    });
  }
}
