/**
 * The study's figures (definitions in {@code DESIGN.md}), as plain functions tested on hand-computed
 * cases, and the streaming accumulators the engine uses. Every figure is an {@link noliq.lab.metrics.Estimate}:
 * its value, its sample size and a 95% confidence interval.
 */
package noliq.lab.metrics;
