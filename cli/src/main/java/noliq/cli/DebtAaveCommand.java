package noliq.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import noliq.debt.aave.AaveError;
import noliq.debt.aave.AaveMath;
import noliq.debt.aave.AaveViolation;
import noliq.debt.aave.AccountData;
import noliq.debt.aave.HealthFactor;
import noliq.debt.aave.LiquidationLogic;
import noliq.debt.aave.LiquidationLogic.LiquidationPlan;
import noliq.debt.aave.Position;
import noliq.debt.aave.ReserveConfig;
import noliq.math.Amount;
import noliq.math.Decimals;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "aave",
    mixinStandardHelpOptions = true,
    header = "One Aave v3.3 position: health factor, largest liquidation.",
    description = {
        "What-if for one Aave v3.3 position: ETH collateral against a dollar debt (GHO, priced $1).",
        "",
        "Prints the health factor, whether the position can be liquidated, the close factor, the largest "
            + "liquidation allowed (debt covered, collateral seized, protocol fee, deficit) and the health factor "
            + "after it, computed with the contract's integer rules. Amounts are plain decimals: collateral up to 1e9 "
            + "ETH, debt up to 1e15 USD, price up to 1e9 USD."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  noliq debt aave --collateral-eth 10 --debt-usd 17000 --price 2000",
        "  noliq debt aave --collateral-eth 10 --debt-usd 17000 --price 2000 \\", "      --lt 0.80 --lb 1.075 --json"})
final class DebtAaveCommand implements Runnable {
  private static final AccountId USER = AccountId.of("position");

  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--collateral-eth", required = true, paramLabel = "C", description = "ETH supplied as collateral.")
  String collateralEth;

  @Option(names = "--debt-usd", required = true, paramLabel = "D", description = "Debt in dollars (GHO).")
  String debtUsd;

  @Option(names = "--price", required = true, paramLabel = "X", description = "ETH price in dollars (the oracle keeps 8 decimals).")
  String price;

  @Option(names = "--lt", defaultValue = "0.83", paramLabel = "LT", description = "Liquidation threshold of ETH (default: ${DEFAULT-VALUE}).")
  String lt;

  @Option(names = "--lb", defaultValue = "1.05", paramLabel = "LB", description = "Liquidation bonus as a multiplier (default: ${DEFAULT-VALUE}, a 5%% bonus).")
  String lb;

  @Option(names = "--protocol-fee", defaultValue = "0.10", paramLabel = "F", description = "Protocol's share of the bonus (default: ${DEFAULT-VALUE}).")
  String protocolFee;

  @Option(names = "--cover", paramLabel = "USD", description = "Try this debtToCover (dollars of GHO) instead of the "
      + "largest allowed; a call the contract would revert (e.g. MUST_NOT_LEAVE_DUST) is refused naming the rule.")
  String cover;

  @Override
  public void run() {
    Amount collateral = positive(Amount.parse(collateralEth, "collateral-eth"), "collateral-eth");
    Amount debt = positive(Amount.parse(debtUsd, "debt-usd"), "debt-usd");
    BigInteger ethPrice = Decimals.parse(price, AaveMath.BASE_DECIMALS, "price");
    if (ethPrice.signum() == 0) {
      throw new RuleViolation("price", "must be positive (was " + price.strip() + ")");
    }
    Limits.atMost("--collateral-eth", collateral.wei(), 18, Limits.MAX_ETH, "ETH");
    Limits.atMost("--debt-usd", debt.wei(), 18, Limits.MAX_USD, "USD");
    Limits.atMost("--price", ethPrice, AaveMath.BASE_DECIMALS, Limits.MAX_PRICE, "USD");
    ReserveConfig eth = ethReserve(bps(lt, "lt"), bps(lb, "lb"), bps(protocolFee, "protocol-fee"));
    ReserveConfig gho = ReserveConfig.gho();
    List<Position> positions = List.of(
        new Position(eth, ethPrice, collateral.wei(), BigInteger.ZERO),
        new Position(gho, AaveMath.ONE_DOLLAR, BigInteger.ZERO, debt.wei()));
    AccountData before = HealthFactor.accountData(positions, null);
    LiquidationPlan plan = null;
    String refusal = null;
    BigInteger debtToCover = debt.wei();
    if (cover != null) {
      debtToCover = positive(Amount.parse(cover, "cover"), "cover").wei();
      if (!before.isLiquidatable()) {
        throw new RuleViolation("cover", "the position cannot be liquidated: health factor "
            + AaveMath.healthFactor(before.healthFactor()) + " is not below 1");
      }
    }
    if (before.isLiquidatable()) {
      try {
        plan = LiquidationLogic.plan(USER, positions, null, eth.asset(), gho.asset(), debtToCover);
      } catch (AaveViolation e) {
        if (cover != null) {
          // The contract reverts this exact call: refuse it, naming the rule it breaks.
          throw new RuleViolation("cover", e.reason().rule());
        }
        refusal = e.getMessage();
      }
    }
    Amount coverAmount = cover == null ? null : Amount.ofWei(debtToCover);
    Map<String, Object> result = result(eth, ethPrice, collateral, debt, coverAmount, before, plan, refusal);
    PrintWriter out = spec.commandLine().getOut();
    LiquidationPlan p = plan;
    String why = refusal;
    output.print(out, result, r -> human(out, eth, ethPrice, collateral, debt, before, p, why));
  }

  private static ReserveConfig ethReserve(int ltBps, int lbBps, int feeBps) {
    if (ltBps == 0) {
      throw new RuleViolation("lt", "must be positive (was 0)");
    }
    if (lbBps <= 10_000) {
      throw new RuleViolation("lb", "must be above 1, as a multiplier such as 1.05 for a 5% bonus (was "
          + Decimals.format(BigInteger.valueOf(lbBps), 4) + ")");
    }
    try {
      return new ReserveConfig(Token.ETH, 18, Math.min(8000, ltBps), ltBps, lbBps, feeBps);
    } catch (AaveViolation e) {
      if (e.reason() instanceof AaveError.InvalidParameter bad) {
        String option = switch (bad.field()) {
          case "liquidationThreshold" -> "lt";
          case "liquidationBonus" -> "lb";
          case "liquidationProtocolFee" -> "protocol-fee";
          default -> bad.field();
        };
        throw new RuleViolation(option, bad.rule());
      }
      throw e;
    }
  }

  private static Map<String, Object> result(ReserveConfig eth, BigInteger ethPrice, Amount collateral, Amount debt,
      Amount cover, AccountData before, LiquidationPlan plan, String refusal) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("collateral_eth", number(collateral.wei(), 18));
    inputs.put("debt_usd", number(debt.wei(), 18));
    inputs.put("price", number(ethPrice, 8));
    inputs.put("lt", number(BigInteger.valueOf(eth.liquidationThresholdBps()), 4));
    inputs.put("lb", number(BigInteger.valueOf(eth.liquidationBonusBps()), 4));
    inputs.put("protocol_fee", number(BigInteger.valueOf(eth.liquidationProtocolFeeBps()), 4));
    inputs.put("cover_usd", cover == null ? null : number(cover.wei(), 18));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("inputs", inputs);
    r.put("collateral_value_usd", number(before.totalCollateralBase(), 8));
    r.put("debt_value_usd", number(before.totalDebtBase(), 8));
    r.put("health_factor", healthFactor(before.healthFactor()));
    r.put("liquidatable", before.isLiquidatable());
    BigInteger pivot = AaveMath.percentMul(
        BigInteger.valueOf(eth.liquidationThresholdBps()), BigInteger.valueOf(eth.liquidationBonusBps()));
    r.put("lt_times_lb", number(pivot, 4));
    if (plan != null) {
      var c = plan.collateral();
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("close_factor", plan.closeFactor().rule().name());
      l.put("max_debt_to_cover_usd", number(plan.closeFactor().maxLiquidatableDebt(), 18));
      l.put("debt_covered_usd", number(plan.debtRepaid(), 18));
      l.put("collateral_seized_eth", number(c.collateralTaken(), 18));
      l.put("collateral_seized_usd", number(c.collateralInBase(), 8));
      l.put("bonus_eth", number(plan.bonusCollateral(), 18));
      l.put("protocol_fee_eth", number(c.protocolFee(), 18));
      l.put("collateral_to_liquidator_eth", number(c.collateralToLiquidator(), 18));
      l.put("deficit_usd", number(plan.deficitOf(ReserveConfig.gho().asset()), 18));
      l.put("collateral_left_eth", number(plan.positionsAfter().get(0).supplied(), 18));
      l.put("debt_left_usd", number(plan.positionsAfter().get(1).debt(), 18));
      l.put("health_factor_after", healthFactor(plan.after().healthFactor()));
      r.put("max_liquidation", l);
    } else {
      r.put("max_liquidation", null);
    }
    r.put("refusal", refusal);
    return r;
  }

  private static void human(PrintWriter out, ReserveConfig eth, BigInteger ethPrice, Amount collateral, Amount debt,
      AccountData before, LiquidationPlan plan, String refusal) {
    String row = "  %-34s %s%n";
    out.printf("Aave v3.3 what-if: %s ETH at %s against %s of debt; LT %s, LB %s, protocol fee %s%n%n",
        collateral, AaveMath.dollars(ethPrice), "$" + debt, AaveMath.percent(eth.liquidationThresholdBps()),
        AaveMath.percent(eth.liquidationBonusBps()), AaveMath.percent(eth.liquidationProtocolFeeBps()));
    out.println("1. Health factor = collateral x price x LT / debt");
    BigInteger weighted = AaveMath.percentMul(before.totalCollateralBase(),
        BigInteger.valueOf(before.averageLiquidationThresholdBps()));
    out.printf(row, "collateral value", collateral + " ETH x " + AaveMath.dollars(ethPrice) + " = "
        + AaveMath.dollars(before.totalCollateralBase()));
    out.printf(row, "x LT " + AaveMath.percent(eth.liquidationThresholdBps()), AaveMath.dollars(weighted));
    out.printf(row, "debt", AaveMath.dollars(before.totalDebtBase()));
    out.printf(row, "health factor", AaveMath.dollars(weighted) + " / " + AaveMath.dollars(before.totalDebtBase())
        + " = " + AaveMath.healthFactor(before.healthFactor()));
    out.printf(row, "liquidatable (HF < 1)", before.isLiquidatable() ? "yes" : "no");
    if (plan == null) {
      if (refusal != null) {
        // The plan was refused (the dust rule); the close factor it ran into is still worth showing.
        var cf = LiquidationLogic.closeFactor(debt.wei(), before.totalDebtBase(), before.totalCollateralBase(),
            before.totalDebtBase(), before.healthFactor(), AaveMath.ONE_DOLLAR, 18);
        out.println();
        out.println("2. Close factor");
        out.printf(row, "rule", cf.rule().explanation());
        out.printf(row, "max debt to cover", "$" + Decimals.format(cf.maxLiquidatableDebt(), 18));
      }
      out.println();
      out.println(refusal != null ? "Liquidation refused: " + refusal : "Nothing to liquidate while HF >= 1.");
      return;
    }
    var c = plan.collateral();
    out.println();
    out.println("2. Close factor");
    out.printf(row, "rule", plan.closeFactor().rule().explanation());
    out.printf(row, "max debt to cover", "$" + Decimals.format(plan.closeFactor().maxLiquidatableDebt(), 18));
    out.println();
    out.println(plan.debtRepaid().compareTo(plan.closeFactor().maxLiquidatableDebt()) < 0
        && plan.collateral().collateralTaken().compareTo(collateral.wei()) < 0
        ? "3. The liquidation asked for" : "3. Maximum liquidation");
    out.printf(row, "debt covered", "$" + Decimals.format(plan.debtRepaid(), 18));
    if (plan.debtRepaid().compareTo(plan.closeFactor().maxLiquidatableDebt()) < 0
        && plan.collateral().collateralTaken().equals(collateral.wei())) {
      out.println("  (the collateral runs out first: all of it is seized, and the debt covered shrinks to its value / LB)");
    }
    out.printf(row, "collateral seized", "$" + Decimals.format(plan.debtRepaid(), 18) + " / "
        + AaveMath.dollars(ethPrice) + " x LB " + Decimals.format(BigInteger.valueOf(plan.liquidationBonusBps()), 4)
        + " = " + eth(c.collateralTaken()) + " (" + AaveMath.dollars(c.collateralInBase()) + ")");
    out.printf(row, "  of which bonus", eth(plan.bonusCollateral()));
    out.printf(row, "  protocol fee (share of bonus)", eth(c.protocolFee()));
    out.printf(row, "  to the liquidator", eth(c.collateralToLiquidator()));
    out.printf(row, "deficit (bad debt)", "$" + Decimals.format(plan.deficitOf(ReserveConfig.gho().asset()), 18));
    out.println();
    out.println("4. After it");
    out.printf(row, "collateral left", eth(plan.positionsAfter().get(0).supplied()));
    out.printf(row, "debt left", "$" + Decimals.format(plan.positionsAfter().get(1).debt(), 18));
    out.printf(row, "health factor", plan.after().totalDebtBase().signum() == 0
        ? "infinite (no debt left)" : AaveMath.healthFactor(plan.after().healthFactor()));
    BigInteger pivot = AaveMath.percentMul(
        BigInteger.valueOf(eth.liquidationThresholdBps()), BigInteger.valueOf(eth.liquidationBonusBps()));
    String pivotText = Decimals.format(pivot, 4);
    boolean improves = before.healthFactor().compareTo(pivot.multiply(BigInteger.TEN.pow(14))) > 0;
    out.printf("%nA liquidation raises HF only while HF > LT x LB = %s; here it %s.%n", pivotText,
        improves ? "does" : "does not (each liquidation pushes HF further down)");
  }

  private static String eth(BigInteger wei) {
    return Decimals.format(wei, 18) + " ETH";
  }

  private static Object healthFactor(BigInteger wad) {
    return wad.equals(AaveMath.HEALTH_FACTOR_INFINITE) ? null : number(wad, 18);
  }

  /** An exact decimal that Jackson writes as a plain JSON number. */
  private static BigDecimal number(BigInteger units, int scale) {
    BigDecimal d = new BigDecimal(units, scale).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  private static Amount positive(Amount a, String field) {
    if (!a.isPositive()) {
      throw new RuleViolation(field, "must be positive (was " + a + ")");
    }
    return a;
  }

  /** A fraction such as 0.83 as basis points, exactly (at most 4 decimals). */
  private static int bps(String text, String field) {
    BigInteger v = Decimals.parse(text, 4, field);
    if (v.compareTo(BigInteger.valueOf(100_000)) > 0) {
      throw new RuleViolation(field, "must be at most 10 (was " + text.strip() + ")");
    }
    return v.intValueExact();
  }
}
