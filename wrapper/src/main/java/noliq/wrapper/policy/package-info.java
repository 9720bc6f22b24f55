/**
 * Roll policies: pure functions of what is held, the observed price and the time, in a sealed
 * family ({@link noliq.wrapper.policy.RollPolicy}). Each decides what to roll into and when; how the
 * roll trades is the caller's choice. Strikes and triggers are exact prices; ETH exposure comes
 * from the model in {@code noliq.pricing}.
 */
package noliq.wrapper.policy;
