/**
 * Dutch rotation auctions for a roll: a seller offers P of one series for P of another (or for
 * ETH); the price it accepts starts at fair value and concedes linearly to a maximum edge over a
 * ramp (Kyrrui's TrackerDAO: 2% over one day). Any taker fills all or part at the current price.
 */
package noliq.market.auction;
