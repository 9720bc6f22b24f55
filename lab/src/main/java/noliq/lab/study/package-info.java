/**
 * The options-versus-debt study: each design is a {@link noliq.lab.study.DesignModel} run on the
 * same price path. The runner draws a path from a scenario, hands it to every design in a fixed
 * order, and collects each design's per-path metrics into one Monte Carlo run per scenario.
 *
 * <p>Sub-packages: {@code debt} (Aave, Maker and Liquity populations with liquidators and the
 * forced-sale cascade), {@code options} (P-wrapper vaults and local agents rolling through the roll
 * markets, N holders, slow-oracle settlement). The runner and the {@code compare}/{@code simulate}
 * presets live here.
 */
package noliq.lab.study;
