/**
 * Automated market makers: {@link noliq.market.amm.ConstantProductPool} (Uniswap v2 rules, any
 * two tokens, fee schedule, halt at maturity) and {@link noliq.market.amm.LogitPool} (Pendle's
 * logit curve for P, whose price converges to P's cap as maturity nears).
 */
package noliq.market.amm;
