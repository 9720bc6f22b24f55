package noliq.debt.aave;

import java.util.Set;
import noliq.math.book.Token;

/**
 * An efficiency-mode category (Aave v3.2+ layout): for a user in the category, collateral in
 * {@code collateralAssets} uses the category's LTV, LT and LB instead of its reserve's, and only
 * {@code borrowableAssets} may be borrowed. Same checks as PoolConfigurator.setEModeCategory.
 *
 * @param id 1 to 255 (0 means "no e-mode")
 */
public record EModeCategory(
    int id,
    String label,
    int ltvBps,
    int liquidationThresholdBps,
    int liquidationBonusBps,
    Set<Token> collateralAssets,
    Set<Token> borrowableAssets) {

  public EModeCategory {
    if (id < 1 || id > 255) {
      throw ReserveConfig.invalid("id", "must be between 1 and 255 (was " + id + ")");
    }
    if (label == null || label.isBlank()) {
      throw ReserveConfig.invalid("label", "is required");
    }
    ReserveConfig.requireBps("ltv", ltvBps);
    ReserveConfig.requireBps("liquidationThreshold", liquidationThresholdBps);
    if (ltvBps == 0 || liquidationThresholdBps == 0) {
      throw ReserveConfig.invalid("ltv", "and the liquidation threshold must be positive in an e-mode category");
    }
    if (ltvBps > liquidationThresholdBps) {
      throw ReserveConfig.invalid("ltv", "must not exceed the liquidation threshold");
    }
    ReserveConfig.requireBonusFits(liquidationThresholdBps, liquidationBonusBps);
    collateralAssets = Set.copyOf(collateralAssets);
    borrowableAssets = Set.copyOf(borrowableAssets);
  }

  /** The ETH-correlated category on Aave v3 Ethereum: LTV 93 %, LT 95 %, LB 1 %; ETH and wstETH as collateral, ETH borrowable. */
  public static EModeCategory ethCorrelated() {
    return new EModeCategory(1, "ETH correlated", 9300, 9500, 10100,
        Set.of(Token.ETH, ReserveConfig.wsteth().asset()), Set.of(Token.ETH));
  }
}
