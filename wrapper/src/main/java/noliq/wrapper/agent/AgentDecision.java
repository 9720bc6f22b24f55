package noliq.wrapper.agent;

import java.time.Instant;
import java.util.Optional;
import noliq.wrapper.agent.PrivateMedian.Reading;
import noliq.wrapper.policy.Exposure;
import noliq.wrapper.policy.RollDecision;
import noliq.wrapper.port.Mechanism;

/**
 * One decision of the local agent and why it was taken: the private reading, the policy's answer,
 * and, for a roll, when and how it will trade. {@code decision} is empty when too few sources answered.
 */
public record AgentDecision(
    Instant at,
    Reading reading,
    Optional<RollDecision> decision,
    Optional<Exposure> exposure,
    Optional<Instant> tradeAt,
    Mechanism mechanism,
    Optional<Instant> tradeDeadline,
    Instant nextCheck,
    String why) {

  public boolean rolls() {
    return decision.map(RollDecision::rolls).orElse(false);
  }
}
