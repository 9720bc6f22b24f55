package noliq.debt.aave;

import noliq.math.Rounding;
import noliq.math.Exact;
import java.math.BigInteger;
import java.util.List;
import java.util.function.ToIntFunction;
import noliq.math.book.AccountId;

/**
 * The account-level rules of Aave v3.3's GenericLogic and ValidationLogic: the health factor
 * {@code HF = Σ collateral·price·LT / Σ debt·price} and the loan-to-value check on borrows. Pure
 * functions of the positions given.
 *
 * <p>Integer steps, as in {@code GenericLogic.calculateUserAccountData} (v3.3):
 * <ol>
 *   <li>each collateral and each debt is valued {@code amount * price / 10^decimals}, truncated;
 *   <li>{@code avgLT = Σ(value_i * LT_i) / totalCollateral}, truncated (likewise the LTV);
 *   <li>{@code HF = wadDiv(percentMul(totalCollateral, avgLT), totalDebt)}, both half up.
 * </ol>
 * A supplied balance counts as collateral only when its reserve's LT is not 0. For a user in an
 * e-mode category, collateral listed in the category takes the category's LTV and LT.
 * (Later versions round the debt value up and skip the truncation of the average LT; v3.3 does
 * what this does.)
 */
public final class HealthFactor {
  private HealthFactor() {}

  /** The account's data; {@code eMode} is the user's category, or {@code null} for none. */
  public static AccountData accountData(List<Position> positions, EModeCategory eMode) {
    return accountData(positions, Values.ofEach(positions), eMode);
  }

  /**
   * What the account data reads of one position, in the base currency: the supplied balance's
   * value when it counts as collateral, the debt's when there is one, else zero. Computed once per
   * position, so that {@link LiquidationLogic#plan} reuses them for the close factor, the dust rule
   * and the unchanged positions of the account after.
   */
  record Values(BigInteger collateralBase, BigInteger debtBase) {
    private static final Values NONE = new Values(BigInteger.ZERO, BigInteger.ZERO);

    static Values of(Position p) {
      boolean collateral = countsAsCollateral(p);
      boolean debt = p.debt().signum() > 0;
      if (!collateral && !debt) {
        return NONE;
      }
      return new Values(collateral ? p.suppliedBase() : BigInteger.ZERO, debt ? p.debtBase() : BigInteger.ZERO);
    }

    /** Each position's values, in an array the caller may update as positions change. */
    static Values[] ofEach(List<Position> positions) {
      Values[] values = new Values[positions.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = of(positions.get(i));
      }
      return values;
    }
  }

  /** The account's data from its positions and their {@link Values}, in the same order. */
  static AccountData accountData(List<Position> positions, Values[] values, EModeCategory eMode) {
    BigInteger totalCollateral = BigInteger.ZERO;
    BigInteger totalDebt = BigInteger.ZERO;
    boolean zeroLtv = false;
    // The LTV and LT of the first collateral, and whether every other collateral has the same.
    int commonLtv = -1;
    int commonLt = -1;
    boolean sameLtv = true;
    boolean sameLt = true;
    for (int i = 0; i < positions.size(); i++) {
      Position p = positions.get(i);
      if (countsAsCollateral(p)) {
        totalCollateral = totalCollateral.add(values[i].collateralBase());
        int ltv = ltvOf(p.config(), eMode);
        int lt = ltOf(p.config(), eMode);
        zeroLtv |= ltv == 0;
        if (commonLt < 0) {
          commonLtv = ltv;
          commonLt = lt;
        } else {
          sameLtv &= ltv == commonLtv;
          sameLt &= lt == commonLt;
        }
      }
      if (p.debt().signum() > 0) {
        totalDebt = totalDebt.add(values[i].debtBase());
      }
    }
    int avgLtv = 0;
    int avgLt = 0;
    if (totalCollateral.signum() > 0) {
      // When every collateral has the same ratio x, Σ(value·x) / Σ value is x exactly: no division
      // (the usual account has one collateral).
      avgLtv = sameLtv ? commonLtv : weightedAverage(positions, values, totalCollateral, c -> ltvOf(c, eMode));
      avgLt = sameLt ? commonLt : weightedAverage(positions, values, totalCollateral, c -> ltOf(c, eMode));
    }
    BigInteger hf = totalDebt.signum() == 0
        ? AaveMath.HEALTH_FACTOR_INFINITE
        : AaveMath.wadDiv(AaveMath.percentMul(totalCollateral, avgLt), totalDebt);
    return new AccountData(totalCollateral, totalDebt, avgLtv, avgLt, hf, zeroLtv);
  }

  /** A supplied balance counts as collateral only when its reserve's LT is not 0. */
  private static boolean countsAsCollateral(Position p) {
    return p.config().isCollateral() && p.supplied().signum() > 0;
  }

  /** The LTV a collateral counts with: 0 when its reserve's is 0, else its e-mode category's when it is in it. */
  private static int ltvOf(ReserveConfig c, EModeCategory eMode) {
    return c.ltvBps() == 0 ? 0 : inEMode(c, eMode) ? eMode.ltvBps() : c.ltvBps();
  }

  /** The liquidation threshold a collateral counts with: its e-mode category's when it is in it. */
  private static int ltOf(ReserveConfig c, EModeCategory eMode) {
    return inEMode(c, eMode) ? eMode.liquidationThresholdBps() : c.liquidationThresholdBps();
  }

  private static boolean inEMode(ReserveConfig c, EModeCategory eMode) {
    return eMode != null && eMode.collateralAssets().contains(c.asset());
  }

  /** {@code Σ(value·ratio) / Σ value} over the collateral, truncated as Solidity's division. */
  private static int weightedAverage(List<Position> positions, Values[] values, BigInteger totalCollateral,
      ToIntFunction<ReserveConfig> ratio) {
    BigInteger weighted = BigInteger.ZERO;
    for (int i = 0; i < positions.size(); i++) {
      Position p = positions.get(i);
      if (countsAsCollateral(p)) {
        BigInteger x = BigInteger.valueOf(ratio.applyAsInt(p.config()));
        weighted = weighted.add(values[i].collateralBase().multiply(x));
      }
    }
    return Exact.div(weighted, totalCollateral, Rounding.DOWN).intValueExact();
  }

  /**
   * ValidationLogic.validateBorrow's account checks (v3.3), before a borrow worth
   * {@code amountBase}: some collateral, a non-zero LTV, a health factor above 1, and
   * {@code percentDiv(totalDebt + amount, LTV) <= totalCollateral}.
   */
  public static void requireCanBorrow(AccountId user, AccountData account, BigInteger amountBase) {
    if (account.totalCollateralBase().signum() == 0) {
      throw new AaveViolation(new AaveError.NoCollateral(user));
    }
    if (account.averageLtvBps() == 0) {
      throw new AaveViolation(new AaveError.ZeroLtv(user));
    }
    if (account.healthFactor().compareTo(AaveMath.HEALTH_FACTOR_ONE) <= 0) {
      throw new AaveViolation(new AaveError.HealthFactorNotAboveOne(user, account.healthFactor()));
    }
    BigInteger needed = AaveMath.percentDiv(
        account.totalDebtBase().add(amountBase), account.averageLtvBps());
    if (needed.compareTo(account.totalCollateralBase()) > 0) {
      throw new AaveViolation(new AaveError.CollateralCannotCoverBorrow(
          needed, account.totalCollateralBase(), account.averageLtvBps()));
    }
  }
}
