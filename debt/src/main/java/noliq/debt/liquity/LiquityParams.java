package noliq.debt.liquity;

import java.math.BigInteger;
import noliq.math.Amount;
import noliq.math.Decimals;
import noliq.math.Exact;
import noliq.math.RuleViolation;
import noliq.math.book.Token;

/**
 * One Liquity deployment's constants. Ratios are at 18 decimals ({@code 1.1e18} is 110 %).
 *
 * @param debtToken          the stablecoin (LUSD in v1, BOLD in v2)
 * @param mcr                minimum collateral ratio of a trove
 * @param ccr                critical system collateral ratio (Recovery Mode below it, in v1)
 * @param recoveryMode       whether Recovery Mode exists (v1 yes, v2 no)
 * @param debtGasCompensation stablecoin reserved per trove for the liquidator (v1: 200 LUSD)
 * @param ethGasCompensation ETH deposited per trove for the liquidator (v2: 0.0375 ETH)
 * @param collGasDivisor     the liquidator also gets {@code coll / collGasDivisor} (200 = 0.5 %)
 * @param collGasCap         ... capped at this (v2: 2 ETH; v1: no cap)
 * @param minNetDebt         least debt of a trove, excluding the gas compensation
 * @param borrowingFeeRate   one-off fee on new debt (v1: the 0.5 % floor, base rate taken as 0)
 * @param penalty            how the seized collateral is shared (all of it in v1; capped in v2)
 * @param minInPool          stablecoin always left in the Stability Pool (v2: 1 BOLD)
 */
public record LiquityParams(Token debtToken, BigInteger mcr, BigInteger ccr, boolean recoveryMode,
    Amount debtGasCompensation, Amount ethGasCompensation, long collGasDivisor, Amount collGasCap,
    Amount minNetDebt, BigInteger borrowingFeeRate, Penalty penalty, Amount minInPool) {

  /** 100 % at 18 decimals, Liquity's {@code DECIMAL_PRECISION}. */
  public static final BigInteger ONE = Exact.WAD;

  /** How a liquidation shares the trove's collateral (after gas compensation). */
  public sealed interface Penalty {
    /** v1: every unit of collateral goes to the pool or to redistribution, whatever the debt. */
    record AllCollateral() implements Penalty {}

    /**
     * v2: the pool gets at most {@code debt · (1 + viaPool) / price}, redistribution at most
     * {@code debt · (1 + viaRedistribution) / price}; the rest is surplus claimable by the owner.
     */
    record Capped(BigInteger viaPool, BigInteger viaRedistribution) implements Penalty {}
  }

  public LiquityParams {
    if (mcr == null || mcr.compareTo(ONE) <= 0) {
      throw new RuleViolation("mcr", "must be above 100%");
    }
    if (ccr == null || ccr.compareTo(mcr) < 0) {
      throw new RuleViolation("ccr", "must be at least mcr");
    }
    if (collGasDivisor <= 0) {
      throw new RuleViolation("collGasDivisor", "must be positive (was " + collGasDivisor + ")");
    }
    if (borrowingFeeRate == null || borrowingFeeRate.signum() < 0 || borrowingFeeRate.compareTo(ONE) >= 0) {
      throw new RuleViolation("borrowingFeeRate", "must be in [0, 1)");
    }
  }

  /** Liquity v1 mainnet (LiquityBase.sol): MCR 110 %, CCR 150 %, 200 LUSD + 0.5 % gas compensation, min net debt 1,800. */
  public static LiquityParams v1() {
    return new LiquityParams(new Token("LUSD"), pct("110"), pct("150"), true, Amount.of(200), Amount.ZERO, 200,
        new Amount(Exact.MAX), Amount.of(1800), pct("0.5"), new Penalty.AllCollateral(), Amount.ZERO);
  }

  /**
   * Liquity v2 (BOLD), WETH branch (Constants.sol): MCR 110 %, CCR 150 %, no Recovery Mode,
   * penalties 5 % through the pool and 10 % by redistribution, 0.0375 ETH gas deposit plus
   * 0.5 % of collateral capped at 2 ETH, min debt 2,000, 1 BOLD always left in the pool.
   * Interest is not modelled, so the borrowing fee is zero.
   */
  public static LiquityParams v2Weth() {
    return new LiquityParams(new Token("BOLD"), pct("110"), pct("150"), false, Amount.ZERO, Amount.of("0.0375"),
        200, Amount.of(2), Amount.of(2000), BigInteger.ZERO, new Penalty.Capped(pct("5"), pct("10")), Amount.ONE);
  }

  /** A percentage as an 18-decimal ratio: {@code pct("110")} is {@code 1.1e18}. */
  public static BigInteger pct(String percent) {
    return Decimals.parse(percent, 16, "percent");
  }
}
