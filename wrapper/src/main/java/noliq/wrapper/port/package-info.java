/**
 * The wrapper's ports to the modules it must not depend on yet: {@link noliq.wrapper.port.RollVenue}
 * (the market: AMM, Dutch auction, order book) and {@link noliq.wrapper.port.PriceView} (the agent's
 * private price sources). Adapters implement them outside the protocol layer.
 */
package noliq.wrapper.port;
