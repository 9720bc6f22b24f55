package noliq.debt.aave;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;

/**
 * The liquidation rules of Aave v3.3's {@code LiquidationLogic.executeLiquidationCall}, as pure
 * functions: given an account's positions and the oracle prices, {@link #plan} says exactly what a
 * liquidation moves, or refuses it. {@link Pool} applies the plan; the what-if calculator only
 * reads it.
 *
 * <p>The order of the contract is kept, because the integer results depend on it:
 * <ol>
 *   <li>the close factor ({@link #closeFactor}): the whole reserve debt, unless the collateral
 *       reserve position and the debt reserve position are both worth at least $2,000 and the
 *       health factor is above 0.95, in which case at most 50 % of the account's <em>total</em>
 *       debt (converted back to debt tokens, truncated);
 *   <li>the collateral for that debt ({@link #collateralToLiquidate}): {@code debt·p_debt/p_coll},
 *       truncated, times the bonus (percentMul, half up); when that exceeds the balance, the whole
 *       balance is taken and the debt repaid shrinks to {@code percentDiv(coll·p_coll/p_debt, LB)};
 *       the protocol fee is {@code percentMul(coll − percentDiv(coll, LB), fee)}, taken out of the
 *       liquidator's share;
 *   <li>the dust rule: unless the debt or the collateral is cleared, both leftovers must be worth at
 *       least $1,000, each truncated to the base currency; the collateral leftover is what stays
 *       after the liquidator's share <em>and</em> the protocol fee have left (v3.3.0,
 *       {@code borrowerCollateralBalance − actualCollateralToLiquidate − liquidationProtocolFeeAmount});
 *   <li>bad debt: when the collateral taken is the account's whole collateral value, every debt the
 *       account still has (in every reserve) becomes the reserves' deficit.
 * </ol>
 */
public final class LiquidationLogic {
  /** {@code DEFAULT_LIQUIDATION_CLOSE_FACTOR = 0.5e4}: 50 %. */
  public static final BigInteger DEFAULT_LIQUIDATION_CLOSE_FACTOR = BigInteger.valueOf(5_000);
  /** {@code CLOSE_FACTOR_HF_THRESHOLD = 0.95e18}: at or below it, the whole debt may be repaid. */
  public static final BigInteger CLOSE_FACTOR_HF_THRESHOLD = new BigInteger("950000000000000000");
  /** {@code MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = 2000e8}: $2,000. */
  public static final BigInteger MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = BigInteger.valueOf(2_000).multiply(AaveMath.ONE_DOLLAR);
  /** {@code MIN_LEFTOVER_BASE = MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD / 2}: $1,000. */
  public static final BigInteger MIN_LEFTOVER_BASE = MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD.shiftRight(1);

  private LiquidationLogic() {}

  /** Why the close factor came out as it did. */
  public enum CloseFactorRule {
    /** Both positions ≥ $2,000, HF > 0.95, and this reserve's debt is more than half the total: capped at 50 % of the total debt. */
    HALF_OF_TOTAL_DEBT("50% of the total debt: both positions are worth at least $2,000 and HF > 0.95"),
    /** Both positions ≥ $2,000 and HF > 0.95, but this reserve's debt is at most half the total: all of it. */
    RESERVE_DEBT_WITHIN_HALF_OF_TOTAL("the whole reserve debt: it is within 50% of the total debt"),
    /** HF ≤ 0.95: 100 %. */
    HEALTH_FACTOR_AT_MOST_0_95("100%: HF is at most 0.95"),
    /** The collateral or the debt reserve position is worth less than $2,000: 100 %. */
    POSITION_BELOW_2000("100%: the collateral or the debt position is worth less than $2,000");

    private final String explanation;

    CloseFactorRule(String explanation) {
      this.explanation = explanation;
    }

    /** One line for people, e.g. {@code "100%: HF is at most 0.95"}. */
    public String explanation() {
      return explanation;
    }
  }

  /** The largest debt (in debt-token units) one liquidation may repay, and the rule that set it. */
  public record CloseFactor(BigInteger maxLiquidatableDebt, CloseFactorRule rule) {}

  /**
   * The v3.3 close factor. Values in the base currency are those of the reserve positions
   * ({@code userReserve...Base}) and of the whole account ({@code totalDebtBase}).
   */
  public static CloseFactor closeFactor(
      BigInteger userReserveDebt,
      BigInteger userReserveDebtBase,
      BigInteger userReserveCollateralBase,
      BigInteger totalDebtBase,
      BigInteger healthFactor,
      BigInteger debtPriceBase,
      int debtDecimals) {
    boolean bigPositions = userReserveCollateralBase.compareTo(MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD) >= 0
        && userReserveDebtBase.compareTo(MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD) >= 0;
    if (bigPositions && healthFactor.compareTo(CLOSE_FACTOR_HF_THRESHOLD) > 0) {
      BigInteger halfOfTotal = AaveMath.percentMul(totalDebtBase, DEFAULT_LIQUIDATION_CLOSE_FACTOR);
      if (userReserveDebtBase.compareTo(halfOfTotal) > 0) {
        BigInteger max = Exact.mulDiv(halfOfTotal, AaveMath.unit(debtDecimals), debtPriceBase, Rounding.DOWN);
        return new CloseFactor(max, CloseFactorRule.HALF_OF_TOTAL_DEBT);
      }
      return new CloseFactor(userReserveDebt, CloseFactorRule.RESERVE_DEBT_WITHIN_HALF_OF_TOTAL);
    }
    // Here either a position is below $2,000 or the health factor is at most 0.95 (or both).
    return new CloseFactor(userReserveDebt, healthFactor.compareTo(CLOSE_FACTOR_HF_THRESHOLD) <= 0
        ? CloseFactorRule.HEALTH_FACTOR_AT_MOST_0_95
        : CloseFactorRule.POSITION_BELOW_2000);
  }

  /**
   * {@code _calculateAvailableCollateralToLiquidate}.
   *
   * @param collateralToLiquidator what the liquidator receives (the contract's {@code actualCollateralToLiquidate})
   * @param debtToRepay the debt actually repaid (less than asked when the collateral runs out)
   * @param protocolFee the treasury's cut of the bonus, in collateral units
   * @param collateralInBase the value of {@code collateralToLiquidator + protocolFee}, truncated
   * @param collateralTaken everything that leaves the account, {@code collateralToLiquidator + protocolFee}
   *     (the amount the split starts from, kept rather than added back)
   */
  public record CollateralToLiquidate(
      BigInteger collateralToLiquidator, BigInteger debtToRepay, BigInteger protocolFee, BigInteger collateralInBase,
      BigInteger collateralTaken) {}

  public static CollateralToLiquidate collateralToLiquidate(
      BigInteger collateralPriceBase,
      int collateralDecimals,
      BigInteger debtPriceBase,
      int debtDecimals,
      BigInteger debtToCover,
      BigInteger userCollateralBalance,
      int liquidationBonusBps,
      int protocolFeeBps) {
    int lb = liquidationBonusBps;
    // (p_debt·debt·collUnit) / (p_coll·debtUnit), truncated.
    BigInteger baseCollateral = divideScaled(
        debtPriceBase, debtToCover, collateralDecimals, collateralPriceBase, debtDecimals);
    BigInteger maxCollateral = AaveMath.percentMul(baseCollateral, lb);
    BigInteger collateral;
    BigInteger debtNeeded;
    if (maxCollateral.compareTo(userCollateralBalance) > 0) {
      collateral = userCollateralBalance;
      // (p_coll·coll·debtUnit) / (p_debt·collUnit), truncated, then the bonus taken off.
      debtNeeded = AaveMath.percentDiv(divideScaled(
          collateralPriceBase, collateral, debtDecimals, debtPriceBase, collateralDecimals), lb);
    } else {
      collateral = maxCollateral;
      debtNeeded = debtToCover;
    }
    BigInteger collateralInBase = AaveMath.toBase(collateral, collateralPriceBase, collateralDecimals);
    BigInteger fee = BigInteger.ZERO;
    BigInteger toLiquidator = collateral;
    if (protocolFeeBps != 0) {
      BigInteger bonus = collateral.subtract(AaveMath.percentDiv(collateral, lb));
      fee = AaveMath.percentMul(bonus, protocolFeeBps);
      toLiquidator = collateral.subtract(fee);
    }
    return new CollateralToLiquidate(toLiquidator, debtNeeded, fee, collateralInBase, collateral);
  }

  /**
   * {@code (price·amount·10^aDecimals) / (b·10^bDecimals)}, truncated; the product
   * {@code a = price·amount} is refused past {@code 2^256}, as the contract's checked multiplication.
   * The two units cancel to one power of ten first: the same rational number, so the same quotient,
   * on operands a word or two smaller. With equal decimals that is {@code price·amount / b}, one
   * {@link Exact#mulDiv} (which multiplies at full width) when the product is surely in range.
   */
  private static BigInteger divideScaled(BigInteger price, BigInteger amount, int aDecimals, BigInteger b,
      int bDecimals) {
    if (aDecimals == bDecimals && price.bitLength() + amount.bitLength() <= 256) {
      return Exact.mulDiv(price, amount, b, Rounding.DOWN);
    }
    BigInteger a = Exact.mul(price, amount);
    return aDecimals >= bDecimals
        ? Exact.mulDiv(a, AaveMath.unit(aDecimals - bDecimals), b, Rounding.DOWN)
        : Exact.div(a, Exact.mul(b, AaveMath.unit(bDecimals - aDecimals)), Rounding.DOWN);
  }

  /** Debt burned into a reserve's deficit because the account has no collateral left. */
  public record Deficit(Token asset, BigInteger amount) {}

  /**
   * Everything one liquidation does, computed before anything moves.
   *
   * @param before the account before, whose health factor gates the liquidation
   * @param liquidationBonusBps the bonus used (the e-mode category's when it covers the collateral)
   * @param debtRepaid what the liquidator pays ({@code actualDebtToLiquidate})
   * @param collateral the collateral split between liquidator and treasury
   * @param hasNoCollateralLeft the taken collateral is the account's whole collateral value
   * @param deficits debts written off into reserve deficits (empty unless {@code hasNoCollateralLeft})
   * @param positionsAfter the account's positions after, in the order given
   * @param after the account after
   */
  public record LiquidationPlan(
      AccountData before,
      Token collateralAsset,
      Token debtAsset,
      int liquidationBonusBps,
      int protocolFeeBps,
      BigInteger userReserveCollateralBase,
      BigInteger userReserveDebtBase,
      CloseFactor closeFactor,
      BigInteger debtRepaid,
      CollateralToLiquidate collateral,
      boolean hasNoCollateralLeft,
      List<Deficit> deficits,
      List<Position> positionsAfter,
      AccountData after) {

    /**
     * The bonus part of the collateral taken, {@code taken − percentDiv(taken, LB)}: the quantity
     * the contract takes the protocol fee from.
     */
    public BigInteger bonusCollateral() {
      BigInteger taken = collateral.collateralTaken();
      return taken.subtract(AaveMath.percentDiv(taken, liquidationBonusBps));
    }

    /** The debt of {@code asset} written off into its reserve's deficit. */
    public BigInteger deficitOf(Token asset) {
      return deficits.stream().filter(d -> d.asset().equals(asset)).map(Deficit::amount)
          .reduce(BigInteger.ZERO, BigInteger::add);
    }
  }

  /**
   * Plans the liquidation of {@code user} repaying up to {@code debtToCover} of {@code debtAsset}
   * against {@code collateralAsset}, or refuses it with an {@link AaveViolation}.
   *
   * @param positions all the account's reserve positions (prices must be positive)
   * @param eMode the account's e-mode category, or {@code null}
   */
  public static LiquidationPlan plan(
      AccountId user,
      List<Position> positions,
      EModeCategory eMode,
      Token collateralAsset,
      Token debtAsset,
      BigInteger debtToCover) {
    int ci = indexOf(positions, collateralAsset, "collateralAsset");
    int di = indexOf(positions, debtAsset, "debtAsset");
    Position coll = positions.get(ci);
    Position debt = positions.get(di);
    HealthFactor.Values[] values = HealthFactor.Values.ofEach(positions);
    AccountData before = HealthFactor.accountData(positions, values, eMode);
    if (!before.isLiquidatable()) {
      throw new AaveViolation(new AaveError.HealthyPosition(user, before.healthFactor()));
    }
    if (!coll.config().isCollateral() || coll.supplied().signum() == 0) {
      throw new AaveViolation(new AaveError.CollateralCannotBeLiquidated(user, collateralAsset));
    }
    if (debt.debt().signum() == 0) {
      throw new AaveViolation(new AaveError.NoDebt("debtAsset", user, debtAsset));
    }
    if (debtToCover.signum() <= 0) {
      throw new AaveViolation(new AaveError.NotPositive("debtToCover", Amount.ZERO));
    }
    int lb = eMode != null && eMode.collateralAssets().contains(collateralAsset)
        ? eMode.liquidationBonusBps()
        : coll.config().liquidationBonusBps();
    int feeBps = coll.config().liquidationProtocolFeeBps();

    // The positions' values as the account data computed them (the collateral counts, the debt is positive).
    BigInteger reserveDebtBase = values[di].debtBase();
    BigInteger reserveCollateralBase = values[ci].collateralBase();
    CloseFactor cf = closeFactor(debt.debt(), reserveDebtBase, reserveCollateralBase,
        before.totalDebtBase(), before.healthFactor(), debt.priceBase(), debt.config().decimals());
    BigInteger actualDebt = debtToCover.min(cf.maxLiquidatableDebt());
    CollateralToLiquidate c = collateralToLiquidate(coll.priceBase(), coll.config().decimals(),
        debt.priceBase(), debt.config().decimals(), actualDebt, coll.supplied(), lb, feeBps);
    actualDebt = c.debtToRepay();

    BigInteger taken = c.collateralTaken();
    Position[] after = positions.toArray(new Position[0]);
    after[ci] = coll.withSupplied(coll.supplied().subtract(taken));
    after[di] = after[di].withDebt(after[di].debt().subtract(actualDebt));
    // Only these two positions changed; the others keep their values.
    values[ci] = HealthFactor.Values.of(after[ci]);
    values[di] = HealthFactor.Values.of(after[di]);

    if (actualDebt.compareTo(debt.debt()) < 0 && taken.compareTo(coll.supplied()) < 0) {
      // The leftovers' values, truncated: the debt left, and (v3.3.0) the collateral that stays with
      // the borrower after both the liquidator's share and the protocol fee left.
      BigInteger debtLeft = values[di].debtBase();
      BigInteger collLeft = values[ci].collateralBase();
      if (debtLeft.compareTo(MIN_LEFTOVER_BASE) < 0 || collLeft.compareTo(MIN_LEFTOVER_BASE) < 0) {
        throw new AaveViolation(new AaveError.MustNotLeaveDust(debtLeft, collLeft));
      }
    }

    boolean noCollateralLeft = before.totalCollateralBase().equals(c.collateralInBase());
    List<Deficit> deficits = new ArrayList<>();
    if (noCollateralLeft) {
      // _burnDebtTokens for the liquidated reserve first, then _burnBadDebt over the others in reserve order.
      BigInteger outstanding = after[di].debt();
      if (outstanding.signum() > 0) {
        deficits.add(new Deficit(debtAsset, outstanding));
        after[di] = after[di].withDebt(BigInteger.ZERO);
        values[di] = HealthFactor.Values.of(after[di]);
      }
      for (int i = 0; i < after.length; i++) {
        Position p = after[i];
        if (p.debt().signum() > 0) {
          deficits.add(new Deficit(p.config().asset(), p.debt()));
          after[i] = p.withDebt(BigInteger.ZERO);
          values[i] = HealthFactor.Values.of(after[i]);
        }
      }
    }
    List<Position> positionsAfter = List.of(after);
    return new LiquidationPlan(before, collateralAsset, debtAsset, lb, feeBps, reserveCollateralBase,
        reserveDebtBase, cf, actualDebt, c, noCollateralLeft, List.copyOf(deficits), positionsAfter,
        HealthFactor.accountData(positionsAfter, values, eMode));
  }

  private static int indexOf(List<Position> positions, Token asset, String field) {
    for (int i = 0; i < positions.size(); i++) {
      if (positions.get(i).config().asset().equals(asset)) {
        return i;
      }
    }
    throw new AaveViolation(new AaveError.UnknownReserve(field, asset));
  }
}
