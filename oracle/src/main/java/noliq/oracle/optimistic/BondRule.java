package noliq.oracle.optimistic;

/**
 * How the bonds of a disputed round are split once the dispute is decided.
 *
 * <p>Both rules burn (pay to the store) the loser's final fee; they differ in what else is burned.
 */
public enum BondRule {
  /**
   * OptimisticOracleV2.sol as deployed: whoever loses, {@code floor(bond / 2)} of the loser's bond
   * goes to the store with one final fee, and the winner receives
   * {@code bond + (bond - floor(bond / 2)) + finalFee}. The burn makes self-disputes a loss, so a
   * proposer cannot cheaply delay resolution by disputing itself.
   */
  CONTRACT,
  /**
   * The worked example in UMA's "Setting Custom Bond and Liveness Parameters" page: half the
   * excess is burned only when the proposer loses; a winning proposer takes the disputer's whole
   * bond and the store keeps only the final fee. This reproduces the page's 18,500 for a winning
   * proposer; the deployed contract does not pay that.
   */
  DOCS_EXAMPLE
}
