package noliq.node.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import noliq.node.Node;
import noliq.node.NodeConfig;
import noliq.node.engine.FsyncPolicy;
import noliq.options.Resolution;
import noliq.oracle.SettlementPort;
import noliq.oracle.optimistic.OptimisticEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole series life on a node with only the bots acting: listed by the rule, quoted, matured, asked
 * of the oracle, proposed (sometimes wrongly, by the careless proposer), disputed, voted on, settled at
 * the price at maturity. The node runs on a stepped clock ({@link Node#stepped}): each step moves market
 * time {@value #STEP_MINUTES} minutes and runs one round of every bot, so the oracle's 2-hour liveness
 * spans eight bot rounds whatever the machine's load (on the wall clock at 20,000 times, a loaded
 * machine could let a careless proposal outlive its liveness undisputed).
 */
class MarketLifecycleTest {
  static final int STEP_MINUTES = 15;
  /** A bound on the run: 40 days of market time, far past the maturity 8 days in, its dispute and its vote. */
  static final int MAX_STEPS = 40 * 24 * 60 / STEP_MINUTES;

  @TempDir Path dir;

  @Test
  void theBotsCarryASeriesFromListingToSettlementThroughADisputeAndTheVote() throws Exception {
    // A flat price file starting 8 days before a monthly maturity (the last Friday of January 2026).
    Path prices = dir.resolve("flat.csv");
    java.nio.file.Files.writeString(prices, "timestamp_utc,open,high,low,close,volume\n"
        + "2026-01-22T00:00:00Z,2500,2500,2500,2500,1\n2026-01-22T01:00:00Z,2500,2500,2500,2500,1\n"
        + "2026-01-22T02:00:00Z,2500,2500,2500,2500,1\n");
    NodeConfig cfg = new NodeConfig(dir.resolve("node"), "127.0.0.1", 0, FsyncPolicy.OS, 20_000, prices, null, null,
        null, 2500, 5, "kyrrui-tracker", 20, 1000, null, true, 50, 50);
    try (Node node = Node.stepped(cfg)) {
      Map<String, Object> seen = Map.of();
      for (int step = 0; step < MAX_STEPS; step++) {
        node.step(java.time.Duration.ofMinutes(STEP_MINUTES), true);
        seen = node.engine().query(m -> {
          long settled = m.ledger().allSeries().values().stream()
              .filter(s -> m.ledger().settlement(s.id()).isPresent()).count();
          long disputes = m.oracle().events().stream().filter(e -> e instanceof OptimisticEvent.Disputed).count();
          long disputedAndSettled = m.ledger().allSeries().values().stream()
              .filter(s -> m.ledger().settlement(s.id()).isPresent())
              .filter(s -> m.oracle().get(SettlementPort.keyOf(s)).rounds().size() > 1
                  || m.oracle().events().stream().anyMatch(e -> e instanceof OptimisticEvent.Disputed dd
                      && dd.key().equals(SettlementPort.keyOf(s))))
              .count();
          boolean truthful = m.ledger().allSeries().values().stream()
              .filter(s -> m.ledger().settlement(s.id()).isPresent())
              .allMatch(s -> m.ledger().settlement(s.id()).get().resolution() instanceof Resolution.Value v
                  && v.x().equals(m.priceAtMaturity(s.id()).orElseThrow()));
          // settling a series pays out its oracle request: no bond stays in escrow behind a settlement
          boolean bondsReleased = m.ledger().allSeries().values().stream()
              .filter(s -> m.ledger().settlement(s.id()).isPresent())
              .allMatch(s -> m.requestState(s).orElseThrow() == noliq.oracle.optimistic.RequestState.SETTLED);
          long open = m.ledger().allSeries().values().stream()
              .filter(s -> m.requestState(s).isPresent() && m.requestState(s).get() != noliq.oracle.optimistic.RequestState.SETTLED)
              .count();
          return Map.<String, Object>of("settled", settled, "disputes", disputes, "disputedAndSettled",
              disputedAndSettled, "truthful", truthful, "time", m.now(), "bondsReleased", bondsReleased,
              "escrowIfNoneOpen", open == 0 ? m.oracle().escrowed().toString() : "requests open");
        }).join();
        if ((long) seen.get("disputedAndSettled") > 0) {
          break;
        }
      }
      System.out.println("lifecycle: " + seen + ", bot error: " + node.bots().lastError().orElse("none"));
      assertThat((long) seen.get("settled")).isPositive();
      assertThat((long) seen.get("disputes")).isPositive();
      assertThat((long) seen.get("disputedAndSettled")).as("a disputed request went to the vote and settled").isPositive();
      assertThat((boolean) seen.get("truthful")).as("every settlement is the price at maturity").isTrue();
      assertThat((boolean) seen.get("bondsReleased")).as("every settled series' oracle request paid out its bonds")
          .isTrue();
      assertThat(seen.get("escrowIfNoneOpen")).as("with no request open, the escrow is empty").isIn("0", "requests open");
    }
  }

}
