/**
 * The wrapper's ports to the modules it must not depend on yet, implemented by adapters outside the
 * protocol layer: {@link noliq.wrapper.port.RollVenue} (the market: AMM swap, Dutch auction, resting
 * orders), {@link noliq.wrapper.port.SpotFeed} (the vault's own price and marking volatility) and
 * {@link noliq.wrapper.port.PriceView} (the local agent's private price sources).
 */
package noliq.wrapper.port;
