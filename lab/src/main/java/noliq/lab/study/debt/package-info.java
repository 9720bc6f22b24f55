/**
 * The debt side of the options-versus-debt study: populations of borrowers on the real Aave
 * ({@link noliq.lab.study.debt.AaveBook}), Maker ({@link noliq.lab.study.debt.MakerBook}) and
 * Liquity ({@link noliq.lab.study.debt.LiquityBook}) engines, with liquidators and keepers who act
 * after a latency, pay gas and have finite capital, and a forced-sale market whose price impact
 * feeds back into the next health checks of the same step (the cascade).
 *
 * <p>Each book is built fresh for every path from a stated {@link noliq.lab.study.debt.Population}
 * and {@link noliq.lab.study.debt.Liquidators} distribution, drawn from the path's random stream;
 * {@link noliq.lab.study.debt.DebtDesigns#defaults()} gives the three books the study runs. The
 * protocol sees the price through a Chainlink-style {@link noliq.oracle.feeds.PushFeed}; positions
 * sit in a {@link noliq.lab.engine.LiquidationIndex} so a step costs {@code O(log n + liquidations)}.
 * {@link noliq.lab.study.debt.DebtOracleExposure} prices a fast-feed manipulation against a book.
 */
package noliq.lab.study.debt;
