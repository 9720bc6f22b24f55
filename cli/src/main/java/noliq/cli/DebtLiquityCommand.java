package noliq.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import noliq.debt.liquity.LiquidationMode;
import noliq.debt.liquity.LiquidationSplit;
import noliq.debt.liquity.LiquityParams;
import noliq.debt.liquity.LiquityRules;
import noliq.math.Amount;
import noliq.math.Decimals;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "liquity",
    mixinStandardHelpOptions = true,
    header = "A Liquity trove's ratio and what its liquidation does.",
    description = "Liquity: a trove's collateral ratio (ICR) and what a liquidation of it does, outside Recovery Mode: "
        + "the gas compensation, the debt offset against the Stability Pool and the collateral its depositors receive, "
        + "what is redistributed to the other troves, and any surplus left to the owner. Amounts are plain decimals: "
        + "collateral up to 1e9 ETH, debt and pool up to 1e15, price up to 1e9 USD.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq debt liquity --collateral-eth 3 --debt 4220 --price 1500",
        "  noliq debt liquity --collateral-eth 3 --debt 4220 --price 1500 \\", "      --pool 1000000 --preset v2"})
final class DebtLiquityCommand implements Runnable {
  enum Preset { V1, V2 }

  static final class PresetConverter extends Choices.Converter<Preset> {
    PresetConverter() {
      super(Preset.class);
    }
  }

  static final class PresetCandidates extends Choices.Candidates<Preset> {
    PresetCandidates() {
      super(Preset.class);
    }
  }

  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--collateral-eth", required = true, paramLabel = "C", description = "The trove's collateral, in ETH.")
  String collateral;

  @Option(names = "--debt", required = true, paramLabel = "D", description = "The trove's whole debt (in v1 including the 200 LUSD gas reserve).")
  String debt;

  @Option(names = "--price", required = true, paramLabel = "X", description = "ETH price in USD.")
  String price;

  @Option(names = "--pool", defaultValue = "0", paramLabel = "P", description = "Stablecoin in the Stability Pool (default: ${DEFAULT-VALUE}).")
  String pool;

  @Option(names = "--preset", defaultValue = "v1", paramLabel = "V", converter = PresetConverter.class,
      completionCandidates = PresetCandidates.class,
      description = "${COMPLETION-CANDIDATES}: v1 (LUSD) or v2 (BOLD, WETH branch) (default: ${DEFAULT-VALUE}).")
  Preset preset;

  record Result(String preset, String collateralEth, String debt, String price, String pool,
      double icr, double mcr, boolean liquidatable, String collGasCompensationEth, String debtGasCompensation,
      String ethGasCompensationEth, String debtOffset, String collateralToPoolEth, String debtRedistributed,
      String collateralRedistributedEth, String collateralSurplusEth, double poolGainUsd, double poolGainPercent) {}

  @Override
  public void run() {
    LiquityParams p = preset == Preset.V1 ? LiquityParams.v1() : LiquityParams.v2Weth();
    Amount coll = Amount.parse(collateral, "collateral-eth");
    Amount d = Amount.parse(debt, "debt");
    Price x = Price.parse(price, "price");
    Amount deposits = Amount.parse(pool, "pool");
    requirePositive("collateral-eth", coll.wei(), collateral);
    requirePositive("debt", d.wei(), debt);
    requirePositive("price", x.units(), price);
    Limits.atMost("--collateral-eth", coll.wei(), 18, Limits.MAX_ETH, "ETH");
    Limits.atMost("--debt", d.wei(), 18, Limits.MAX_USD, "");
    Limits.atMost("--pool", deposits.wei(), 18, Limits.MAX_USD, "");
    Limits.atMost("--price", x.units(), 18, Limits.MAX_PRICE, "USD");
    BigInteger icr = LiquityRules.collateralRatio(coll.wei(), d.wei(), x.units());
    boolean liquidatable = icr.compareTo(p.mcr()) < 0;
    BigInteger usable = LiquityRules.usablePool(p, deposits.wei());
    LiquidationSplit s = LiquityRules.split(p, LiquidationMode.NORMAL, coll.wei(), d.wei(), x.units(), usable);
    // Depositors give up debtToOffset of stablecoin and receive collToPool of ETH worth collToPool · price.
    BigInteger received = Exact.mulDiv(s.collToPool(), x.units(), Exact.WAD, Rounding.DOWN);
    double gain = Decimals.toDouble(received, 18) - Decimals.toDouble(s.debtToOffset(), 18);
    double gainPct = s.debtToOffset().signum() == 0 ? 0 : 100 * gain / Decimals.toDouble(s.debtToOffset(), 18);
    Result r = new Result(Choices.id(preset), coll.toString(), d.toString(), x.toString(), deposits.toString(),
        ratio(icr), ratio(p.mcr()), liquidatable, eth(s.collGasCompensation()), eth(s.debtGasCompensation()),
        eth(s.ethGasCompensation()), eth(s.debtToOffset()), eth(s.collToPool()), eth(s.debtToRedistribute()),
        eth(s.collToRedistribute()), eth(s.collSurplus()), gain, gainPct);
    String coin = p.debtToken().symbol();
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, r, res -> {
      out.printf("Liquity %s: trove of %s ETH and %s %s at $%s, Stability Pool %s %s%n", res.preset(),
          res.collateralEth(), res.debt(), coin, res.price(), res.pool(), coin);
      out.printf("%nICR %.4f%%  (MCR %.0f%%): %s%n", 100 * res.icr(), 100 * res.mcr(),
          res.liquidatable() ? "liquidatable" : "healthy; below, if liquidated anyway:");
      out.printf("%n%-38s %26s%n", "a liquidation (normal mode)", "amount");
      out.printf("%-38s %22s ETH%n", "liquidator: collateral compensation", res.collGasCompensationEth());
      out.printf("%-38s %22s %s%n", "liquidator: gas reserve", res.debtGasCompensation(), coin);
      out.printf("%-38s %22s ETH%n", "liquidator: ETH gas deposit", res.ethGasCompensationEth());
      out.printf("%-38s %22s %s%n", "debt offset by the pool", res.debtOffset(), coin);
      out.printf("%-38s %22s ETH%n", "collateral to pool depositors", res.collateralToPoolEth());
      out.printf("%-38s %22s %s%n", "debt redistributed to troves", res.debtRedistributed(), coin);
      out.printf("%-38s %22s ETH%n", "collateral redistributed to troves", res.collateralRedistributedEth());
      out.printf("%-38s %22s ETH%n", "surplus claimable by the owner", res.collateralSurplusEth());
      out.printf("%npool depositors' gain: $%.2f (%.2f%% of the debt they absorb)%n", res.poolGainUsd(), res.poolGainPercent());
    });
  }

  private static void requirePositive(String field, BigInteger v, String text) {
    if (v.signum() == 0) {
      throw new noliq.math.RuleViolation(field, "must be positive (was " + text + ")");
    }
  }

  private static double ratio(BigInteger r) {
    return Decimals.toDouble(r, 18);
  }

  private static String eth(BigInteger wei) {
    return Decimals.format(wei, 18);
  }
}
