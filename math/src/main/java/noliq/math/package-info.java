/**
 * The bottom layer: exact fixed-point numbers and rounding. Depends on nothing.
 *
 * <p>Protocol state is integers at a stated scale. {@link noliq.math.Amount} is a token amount at
 * 18 decimals (wei for ETH); {@link noliq.math.Price} is an index value (index units per ETH, such
 * as USD) at 18 decimals. Every multiply-divide goes through {@link noliq.math.Exact#mulDiv} with a
 * named {@link noliq.math.Rounding}, and values outside {@code [0, 2^256)} are rejected, never
 * wrapped. Money crosses from {@code double} only through {@link noliq.math.Decimals#fromDouble}.
 */
package noliq.math;
