/**
 * The live market node: the protocol objects the lab measures, run under the wall clock by one
 * writer thread that journals every accepted command before applying it (DESIGN.md's "one engine,
 * two clocks"). {@code engine}: commands, journal, the writer, the market state; {@code api}: JSON
 * over HTTP, OpenAPI, the event stream and the web page; {@code bots}: makers, arbitrageurs,
 * liquidators, voters and keepers on the node's scheduler; {@code feed}: where prices come from;
 * {@code agent}: the holder's agent trading through the API.
 */
package noliq.node;
