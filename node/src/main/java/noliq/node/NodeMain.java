package noliq.node;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import noliq.math.RuleViolation;
import noliq.node.engine.FsyncPolicy;

/**
 * A small entry point for the node alone ({@code noliq serve} is the user's; this one starts
 * fast, for tests that launch and kill nodes): {@code --data-dir DIR [--port N] [--prices FILE]
 * [--from T] [--to T] [--speed S] [--no-bots] [--fsync ALWAYS|OS] [--rate-limit R]}. It prints
 * one line, {@code listening URL}, once the node serves.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String k = args[i];
      if (k.equals("--no-bots")) {
        a.put(k, "true");
      } else if (i + 1 < args.length) {
        a.put(k, args[++i]);
      } else {
        throw new RuleViolation(k, "needs a value");
      }
    }
    NodeConfig c = NodeConfig.defaults(Path.of(a.getOrDefault("--data-dir", "noliq-node")))
        .withPort(Integer.parseInt(a.getOrDefault("--port", "0")))
        .withBots(!a.containsKey("--no-bots"))
        .withFsync(FsyncPolicy.valueOf(a.getOrDefault("--fsync", "ALWAYS")))
        .withRate(Double.parseDouble(a.getOrDefault("--rate-limit", "200")));
    if (a.containsKey("--prices")) {
      c = c.withReplay(Path.of(a.get("--prices")), a.containsKey("--from") ? Instant.parse(a.get("--from")) : null,
          a.containsKey("--to") ? Instant.parse(a.get("--to")) : null, Double.parseDouble(a.getOrDefault("--speed", "1")));
    }
    Node node = Node.start(c);
    Runtime.getRuntime().addShutdownHook(new Thread(node::close));
    System.out.println("listening " + node.url());
    System.out.println(node.describe());
    System.out.flush();
    Thread.currentThread().join();
  }
}
