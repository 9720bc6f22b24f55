/**
 * The lab: the driver that runs the protocol under a virtual clock on generated and historical
 * price paths and measures it. Unlike protocol code it may read files and draw random numbers,
 * always from explicit seeds, so every result can be reproduced.
 *
 * <ul>
 *   <li>{@link noliq.lab.scenarios}: price-path models and historical data;</li>
 *   <li>{@link noliq.lab.engine}: the Monte Carlo runner (per-path seeds, fixed partition, streaming aggregation);</li>
 *   <li>{@link noliq.lab.metrics}: the figures (VaR95, LaR95, tracking error, ...) with sample size and confidence interval;</li>
 *   <li>{@link noliq.lab.report}: the report directory (HTML, JSON, CSV, PNG);</li>
 *   <li>{@link noliq.lab.bench}: the benchmark kernel of {@code shared/bench/kernel-spec.md}.</li>
 * </ul>
 */
package noliq.lab;
