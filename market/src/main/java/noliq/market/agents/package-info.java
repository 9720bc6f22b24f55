/**
 * Agents that trade against the market mechanisms (used by the lab and the roll-cost study): a
 * Black–Scholes market maker and an AMM arbitrageur. Agents decide in {@code double}; every trade
 * they make goes through a mechanism's exact rules. No clock or randomness: time and reference
 * prices come in as arguments.
 */
package noliq.market.agents;
