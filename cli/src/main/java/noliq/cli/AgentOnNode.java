package noliq.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.random.RandomGenerator;
import noliq.node.agent.NodeAgent;
import noliq.node.agent.NodeClient;
import noliq.wrapper.agent.AgentConfig;

/** {@code noliq agent --node URL --api-key KEY}: the agent's decisions executed through a node's API. */
final class AgentOnNode {
  private AgentOnNode() {}

  static void run(String url, String apiKey, AgentConfig config, noliq.wrapper.port.VolFeed volFeed, double targetUsd, RandomGenerator rng, long count,
      double pollSeconds, PrintWriter out) {
    if (!(pollSeconds >= 0.05) || pollSeconds > 3600) {
      throw new noliq.math.RuleViolation("--poll-seconds", "must be in [0.05, 3600] (was " + pollSeconds + ")");
    }
    NodeAgent agent = new NodeAgent(new NodeClient(url, apiKey), config, volFeed, targetUsd, rng, r -> {
      try {
        out.println(Output.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
      }
      out.flush();
    });
    for (long n = 0; count == 0 || n < count; n++) {
      agent.step();
      try {
        Thread.sleep((long) (pollSeconds * 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
