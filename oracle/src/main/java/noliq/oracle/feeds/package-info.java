/**
 * The fast feeds that debt designs depend on: a Chainlink-style push feed (deviation threshold,
 * heartbeat, publication latency), an exact TWAP over any {@link noliq.oracle.feeds.ObservationSource}
 * (an AMM pool's observations), and the post's private k-of-n median, whose randomness the caller
 * passes in.
 */
package noliq.oracle.feeds;
