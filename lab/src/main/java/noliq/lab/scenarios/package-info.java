/**
 * Price paths for the lab. Stochastic models ({@link noliq.lab.scenarios.Gbm},
 * {@link noliq.lab.scenarios.MertonJumpDiffusion}, {@link noliq.lab.scenarios.GarchT},
 * {@link noliq.lab.scenarios.BlockBootstrap}), each a record of its parameters that turns a random
 * stream into a path; the default model fitted to real ETH history
 * ({@link noliq.lab.scenarios.FittedModels}); historical OHLC data ({@link noliq.lab.scenarios.OhlcReader},
 * with gaps reported, never filled); and crashes pinned to published facts
 * ({@link noliq.lab.scenarios.CrashEvents}, {@link noliq.lab.scenarios.EventAnchoredCrash}). A
 * {@link noliq.lab.scenarios.PricePath} puts any of them on the virtual clock: times, prices and
 * intrabar lows (a liquidation triggers on the low).
 *
 * <p>Paths are arrays of prices: {@code path[0]} is the start, {@code path[t]} the price after step t.
 * Models work in log space and never draw from anything but the stream they are given.
 */
package noliq.lab.scenarios;
