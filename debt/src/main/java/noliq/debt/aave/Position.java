package noliq.debt.aave;

import java.math.BigInteger;
import noliq.math.Exact;

/**
 * One reserve of one account, as the rule functions see it: the reserve's parameters, its oracle
 * price, and the account's supplied balance (aToken) and debt (variable debt token), both in the
 * token's own units ({@code 10^decimals} per token).
 *
 * @param priceBase the oracle price of one whole token in the base currency (8 decimals)
 */
public record Position(ReserveConfig config, BigInteger priceBase, BigInteger supplied, BigInteger debt) {
  public Position {
    Exact.requireInRange(priceBase, "price");
    Exact.requireInRange(supplied, "supplied");
    Exact.requireInRange(debt, "debt");
  }

  public Position withSupplied(BigInteger newSupplied) {
    return new Position(config, priceBase, newSupplied, debt);
  }

  public Position withDebt(BigInteger newDebt) {
    return new Position(config, priceBase, supplied, newDebt);
  }

  /** The supplied balance in the base currency, truncated (aToken value rounds down). */
  public BigInteger suppliedBase() {
    return AaveMath.toBase(supplied, priceBase, config.decimals());
  }

  /** The debt in the base currency, truncated as v3.3's GenericLogic does. */
  public BigInteger debtBase() {
    return AaveMath.toBase(debt, priceBase, config.decimals());
  }
}
