/**
 * The simulation engine: {@link noliq.lab.engine.MonteCarlo} runs a study's
 * {@link noliq.lab.engine.PathSimulator} over many paths in parallel with deterministic per-path
 * seeds ({@link noliq.lab.engine.PathRandom}) and streaming aggregation, so results are identical
 * on 1 thread or on N and memory does not grow with the number of steps.
 * {@link noliq.lab.engine.LiquidationIndex} keeps positions by liquidation price, so a step costs
 * {@code O(log n + liquidations)} rather than a scan of the book.
 */
package noliq.lab.engine;
