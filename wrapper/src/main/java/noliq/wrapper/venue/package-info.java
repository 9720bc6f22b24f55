/**
 * Adapters from the wrapper's ports to the real markets and oracle feeds, so that a roll follows one
 * policy and trades through a chosen mechanism: {@link noliq.wrapper.venue.AmmVenue} (an instant
 * swap through constant-product P/ETH pools kept at fair value by an arbitrageur),
 * {@link noliq.wrapper.venue.AuctionVenue} (Kyrrui's Dutch rotation auction, taken by
 * {@link noliq.market.agents.MarketMaker}s) and {@link noliq.wrapper.venue.BookVenue} (patient
 * resting orders in an order book, filled by natural flow, the rest crossing the makers' quotes),
 * all over one {@link noliq.wrapper.venue.MarketDesk}; and
 * {@link noliq.wrapper.venue.MedianPriceView}, the local agent's {@link noliq.wrapper.port.PriceView}
 * over the oracle module's {@link noliq.oracle.feeds.SourceModel}s.
 *
 * <p>Every size, spread, edge and depth is a field of {@link noliq.market.roll.RollAssumptions}, the
 * roll-cost study's conventions, so a cost measured here and one printed by {@code noliq market
 * roll-cost} rest on the same numbers. Protocol code: time, prices and randomness are arguments.
 */
package noliq.wrapper.venue;
