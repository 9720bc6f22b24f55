package noliq.wrapper.agent;

import java.time.Duration;
import noliq.math.RuleViolation;
import noliq.wrapper.policy.RollPolicy;
import noliq.wrapper.port.Mechanism;

/**
 * A holder's private rebalancer settings.
 *
 * @param policy the roll policy it follows
 * @param k how many of the n price sources each reading asks
 * @param checkEvery the mean time between checks; each gap is drawn uniformly from [0.5, 1.5] of it
 * @param executionWindow a due roll trades at a uniformly random moment within this window, so its
 *     timing cannot be predicted from the price path
 * @param mechanism how it trades: patient resting orders, or an auction with a deadline
 * @param deadline how long the orders rest or the auction runs
 */
public record AgentConfig(
    RollPolicy policy, int k, Duration checkEvery, Duration executionWindow, Mechanism mechanism, Duration deadline) {

  public AgentConfig {
    if (policy == null) {
      throw new RuleViolation("policy", "is required");
    }
    if (k < 1) {
      throw new RuleViolation("k", "must be at least 1 (was " + k + ")");
    }
    if (checkEvery == null || checkEvery.isNegative() || checkEvery.isZero()) {
      throw new RuleViolation("check-every", "must be positive (was " + checkEvery + ")");
    }
    if (executionWindow == null || executionWindow.isNegative()) {
      throw new RuleViolation("window", "must not be negative (was " + executionWindow + ")");
    }
    if (mechanism == null || mechanism == Mechanism.AMM_SWAP) {
      throw new RuleViolation("mechanism", "must be RESTING_ORDERS or DUTCH_AUCTION: the agent trades patiently (was "
          + mechanism + ")");
    }
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new RuleViolation("deadline", "must be positive (was " + deadline + ")");
    }
  }

  /** k sources, checks every 6 hours, a 12-hour execution window, resting orders for a day. */
  public static AgentConfig of(RollPolicy policy, int k) {
    return new AgentConfig(policy, k, Duration.ofHours(6), Duration.ofHours(12), Mechanism.RESTING_ORDERS,
        Duration.ofDays(1));
  }
}
