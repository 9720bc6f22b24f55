package noliq.oracle.attack;

import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * A debt position as the fast-feed attack sees it: ETH collateral against index-unit debt, which
 * becomes liquidatable when the feed reads at or below {@code liquidationPrice}. Plain numbers,
 * so the oracle module needs nothing from the debt module.
 */
public record DebtExposure(String id, double liquidationPrice, double collateralEth, double debt) {
  public DebtExposure {
    if (id == null || id.isBlank()) {
      throw new OracleException(new OracleError.Missing("id"));
    }
    Require.positive(liquidationPrice, "liquidationPrice");
    Require.notNegative(collateralEth, "collateralEth");
    Require.notNegative(debt, "debt");
  }
}
