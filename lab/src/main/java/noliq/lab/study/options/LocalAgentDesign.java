package noliq.lab.study.options;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.Trace;
import noliq.math.Amount;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.options.IndexId;
import noliq.options.Series;
import noliq.wrapper.agent.AgentConfig;
import noliq.wrapper.agent.AgentEvent;
import noliq.wrapper.agent.LocalAgent;
import noliq.wrapper.policy.Policies;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollPolicy;
import noliq.wrapper.policy.Target;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.venue.MedianPriceView;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A holder's own {@link LocalAgent}: the same policy as a vault, but read from the median of k of
 * its n private sources (the oracle module's source models over the path) and traded at a random
 * moment within its window, by resting orders or an auction, through the same roll markets. It values
 * its P on the path's implied-vol surface at the current time, at the held strike and maturity. It
 * starts holding the policy's entry P worth the target (N handed to the N side); a roll nobody
 * fills is retried at its next check, and a series it still holds at maturity is settled through
 * the slow oracle and redeemed, then re-entered from ETH.
 *
 * <p>Id {@code agent.<policy>.<auction|book>}; metrics as {@link WrapperTracker#specs}.
 */
public record LocalAgentDesign(String policyName, Mechanism mechanism, OptionsAssumptions assumptions) implements RollingDesign {
  static final AccountId HOLDER = AccountId.of("agent-holder");
  static final AccountId N_SIDE = AccountId.of("n-side");

  public LocalAgentDesign {
    if (policyName == null || !Policies.NAMES.contains(policyName)) {
      throw new RuleViolation("policy", "must be one of " + String.join(", ", Policies.NAMES) + " (was '" + policyName + "')");
    }
    if (mechanism == null || mechanism == Mechanism.AMM_SWAP) {
      throw new RuleViolation("mechanism", "must be DUTCH_AUCTION or RESTING_ORDERS: the agent trades patiently (was "
          + mechanism + ")");
    }
    if (assumptions == null) {
      throw new RuleViolation("assumptions", "are required");
    }
  }

  public LocalAgentDesign(String policyName, Mechanism mechanism) {
    this(policyName, mechanism, OptionsAssumptions.DEFAULTS);
  }

  @Override
  public String id() {
    return "agent." + policyName + "." + OptionsMarket.idOf(mechanism);
  }

  @Override
  public String description() {
    return "local agent, policy " + policyName + ", median of " + assumptions.agentK() + " of "
        + assumptions.agentSources().size() + " private sources, random timing, rolls by " + OptionsMarket.idOf(mechanism);
  }

  @Override
  public List<MetricSpec> metrics() {
    return WrapperTracker.specs(id());
  }

  @Override
  public Run newRun() {
    RollPolicy policy = Policies.named(policyName);
    return (path, rng, trace, out, offset) -> simulate(policy, path, rng, trace, out, offset);
  }

  private void simulate(RollPolicy policy, PricePath path, UniformRandomProvider rng, Trace trace, double[] out, int offset) {
    OptionsMarket m = new OptionsMarket(assumptions, mechanism, path);
    RandomGenerator gen = rng::nextLong;
    Instant t0 = path.time(0);
    MedianPriceView view = new MedianPriceView(assumptions.agentSources(), new PathIndex(path), gen, t0);
    AgentConfig defaults = AgentConfig.of(policy, assumptions.agentK());
    AgentConfig config = new AgentConfig(policy, assumptions.agentK(), defaults.checkEvery(), defaults.executionWindow(),
        mechanism, WrapperVaultDesign.rollWindow(mechanism, assumptions));
    Target entry = policy.entry(m.observe(t0));
    Series first = entry.series(IndexId.ETH_USD);
    m.ledger.list(first);
    Amount eth = Amount.fromDouble(assumptions.targetUsd() / entry.strike().toDouble(), Rounding.DOWN);
    m.ledger.deposit(HOLDER, eth);
    m.ledger.split(HOLDER, first.id(), eth, t0);
    m.ledger.transfer(HOLDER, N_SIDE, first.nToken(), eth);
    // the agent values P on the path's surface at the moment it decides, as marks do (makers read it with their own error)
    LocalAgent agent = new LocalAgent(config, now -> m.observe(now).surface(), HOLDER, IndexId.ETH_USD,
        Optional.of(Position.opened(entry, m.observe(t0).spot(), t0)));
    ForcedSaleAudit audit = new ForcedSaleAudit(m, HOLDER);
    audit.in(first.pToken(), eth);
    WrapperTracker tracker = new WrapperTracker(id(), trace, path, m.markUsd(HOLDER, t0));
    tracker.spotFrom(m::price);
    for (int i = 1; i < path.size(); i++) {
      Instant now = path.time(i);
      m.setPrice(path.price(i));
      m.makersAt(now);
      view.at(now);
      Optional<Position> held = agent.held();
      boolean pastMaturity = held.isPresent() && !now.isBefore(held.get().maturity());
      // a series id is a hash: derive it only when the held series has matured
      Series heldSeries = pastMaturity ? Series.pn(IndexId.ETH_USD, held.get().strike(), held.get().maturity()) : null;
      boolean matured = pastMaturity && m.settlementFinal(heldSeries, now, rng);
      boolean trades = agent.pending().flatMap(d -> d.tradeAt()).map(t -> !now.isBefore(t)).orElse(false);
      double before = matured || trades ? m.markUsd(HOLDER, now) : Double.NaN;
      Amount pHeld = matured ? m.book.balanceOf(HOLDER, heldSeries.pToken()) : Amount.ZERO;
      m.drawMakers(rng);
      for (AgentEvent e : agent.step(now, view, gen, m.venue, m.ledger)) {
        switch (e) {
          case AgentEvent.Redeemed r -> {
            audit.out(heldSeries.pToken(), r.p());
            double after = m.markUsd(HOLDER, now);
            tracker.settled(now, after - WrapperVaultDesign.settlementErrorUsd(pHeld.toDouble(), r.eth().toDouble(),
                heldSeries.strike().toDouble(), m.truthAtMaturity(r.series()), m.price()), after, heldSeries.maturity());
            m.recordHow(heldSeries, tracker);
            before = after;
          }
          case AgentEvent.Traded t -> {
            audit.out(t.gave(), t.given());
            audit.in(m.ledger.series(t.to()).orElseThrow().pToken(), t.received());
            double after = m.markUsd(HOLDER, now);
            tracker.rolled(now, before, after, t.fairGiven().toDouble());
            m.venue.lastExecution().ifPresent(tracker::execution);
            before = after;
          }
          case AgentEvent.Unfilled u -> tracker.unfilled();
          case AgentEvent.Decided d -> { }
        }
      }
      tracker.maybeMark(now, () -> m.markUsd(HOLDER, now));
    }
    Instant end = path.time(path.size() - 1);
    m.closeLiquidity(end, tracker);
    tracker.forcedSale(audit.forcedUsd(end));
    tracker.mark(end, m.markUsd(HOLDER, end));
    tracker.write(end, out, offset);
  }
}
