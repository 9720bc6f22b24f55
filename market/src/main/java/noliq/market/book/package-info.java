/**
 * A limit order book with price-time priority, partial fills and cancels, for any pair of tokens.
 * This is where a patient holder rests one-sided orders instead of crossing the spread: the post
 * asks for rebalancing "more like one-sided market making than like making an instant sell".
 */
package noliq.market.book;
