/**
 * The roll-cost comparison: the same roll (sell P of one series, buy P of another) through an
 * instant AMM swap, a Dutch rotation auction filled by market makers, and patient resting orders
 * in a book, each measured as cost against Black–Scholes fair value in basis points. Every
 * modelling assumption is a named field of {@link noliq.market.roll.RollAssumptions} with its source.
 */
package noliq.market.roll;
