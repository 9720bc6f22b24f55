/**
 * The local agent: a holder's private rebalancer that reads k of n price sources, takes their
 * median, runs a roll policy and trades patiently at a randomised moment. Randomness and time are
 * the caller's.
 */
package noliq.wrapper.agent;
