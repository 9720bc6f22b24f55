package noliq.lab.study.options;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.Trace;
import noliq.math.Amount;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.wrapper.policy.Policies;
import noliq.wrapper.policy.RollPolicy;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.vault.NHandling;
import noliq.wrapper.vault.VaultConfig;
import noliq.wrapper.vault.VaultEvent;
import noliq.wrapper.vault.VaultException;
import noliq.wrapper.vault.WrapperVault;
import noliq.wrapper.venue.AmmVenue;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A P-wrapper vault holding a stated USD target of P, rolling by one policy through a venue of one
 * mechanism against the desk's market makers, with the slow oracle settling whatever a failed roll
 * leaves to maturity. The lab is every outside party: the depositor at the start, the keeper that
 * calls {@link WrapperVault#roll} whenever the policy says so (checked every path step), and the
 * keeper that asks the oracle and {@link WrapperVault#redeem}s a matured series. Nothing ever sells
 * P by force: rolls happen only when the policy decides, and a roll nobody takes holds to settlement.
 *
 * <p>Id {@code wrapper.<policy>.<amm|auction|book>}; metrics as {@link WrapperTracker#specs}.
 */
public record WrapperVaultDesign(String policyName, Mechanism mechanism, OptionsAssumptions assumptions)
    implements RollingDesign {
  static final AccountId DEPOSITOR = AccountId.of("depositor");

  public WrapperVaultDesign {
    if (policyName == null || !Policies.NAMES.contains(policyName)) {
      throw new RuleViolation("policy", "must be one of " + String.join(", ", Policies.NAMES) + " (was '" + policyName + "')");
    }
    if (mechanism == null || assumptions == null) {
      throw new RuleViolation("design", "mechanism and assumptions are required");
    }
  }

  public WrapperVaultDesign(String policyName, Mechanism mechanism) {
    this(policyName, mechanism, OptionsAssumptions.DEFAULTS);
  }

  @Override
  public String id() {
    return "wrapper." + policyName + "." + OptionsMarket.idOf(mechanism);
  }

  @Override
  public String description() {
    return "P-wrapper vault, policy " + policyName + ", rolls by " + OptionsMarket.idOf(mechanism)
        + String.format(", $%,.0f of P, slow-oracle fallback", assumptions.targetUsd());
  }

  @Override
  public List<MetricSpec> metrics() {
    return WrapperTracker.specs(id());
  }

  /** How long a roll may take: the auction's ramp, the resting orders' patience, or no time for a swap. */
  static Duration rollWindow(Mechanism m, OptionsAssumptions a) {
    return switch (m) {
      case AMM_SWAP -> Duration.ZERO;
      case DUTCH_AUCTION -> a.market().auctionRamp();
      case RESTING_ORDERS -> a.market().patience();
    };
  }

  @Override
  public Run newRun() {
    RollPolicy policy = Policies.named(policyName);
    return (path, rng, trace, out, offset) -> simulate(policy, path, rng, trace, out, offset);
  }

  private void simulate(RollPolicy policy, PricePath path, UniformRandomProvider rng, Trace trace, double[] out, int offset) {
    OptionsMarket m = new OptionsMarket(assumptions, mechanism, path);
    Instant t0 = path.time(0);
    VaultConfig config = new VaultConfig("w", noliq.options.IndexId.ETH_USD, policy, mechanism,
        rollWindow(mechanism, assumptions), NHandling.RETURN_TO_DEPOSITOR, 6);
    ForcedSaleAudit audit = new ForcedSaleAudit(m, config.account());
    WrapperVault vault = new WrapperVault(config, m.ledger, m.venue, m::observe, e -> expect(audit, m, e));
    AccountId account = config.account();
    // the deposit buys P whose intrinsic value is the target: ETH = target / strike of the entry
    double strike = policy.entry(m.observe(t0)).strike().toDouble();
    Amount eth = Amount.fromDouble(assumptions.targetUsd() / strike, Rounding.DOWN);
    m.ledger.deposit(DEPOSITOR, eth);
    vault.deposit(DEPOSITOR, eth, t0);
    WrapperTracker tracker = new WrapperTracker(id(), trace, path, value(vault, m, t0));
    tracker.spotFrom(m::price);
    Instant nextRebalance = t0.plus(Duration.ofDays(1));
    RollWatch watch = new RollWatch(policy);
    java.util.Set<SeriesId> toSettle = new java.util.TreeSet<>(java.util.Comparator.comparing(SeriesId::hex));
    for (int i = 1; i < path.size(); i++) {
      Instant now = path.time(i);
      m.setPrice(path.price(i));
      m.makersAt(now);
      if (!toSettle.isEmpty()) {
        settleMatured(vault, m, tracker, toSettle, now, rng);
      }
      boolean due = watch.mayRoll(vault.current(), m.price(), now, () -> m.observe(now)) && vault.rollDecision(now).rolls();
      if (due || hasIdleEth(m, account)) {
        roll(vault, m, tracker, now, rng);
        // a failed or partial roll leaves old P to settle at maturity
        vault.heldSeries().forEach(toSettle::add);
        vault.currentSeriesIfAny().ifPresent(s -> toSettle.remove(s.id()));
      }
      tracker.maybeMark(now, () -> value(vault, m, now));
      if (!now.isBefore(nextRebalance) && m.venue instanceof AmmVenue amm) {
        amm.rebalance(now);
        nextRebalance = now.plus(Duration.ofDays(1));
      }
    }
    Instant end = path.time(path.size() - 1);
    m.closeLiquidity(end, tracker);
    tracker.forcedSale(audit.forcedUsd(end));
    tracker.mark(end, value(vault, m, end));
    tracker.write(end, out, offset);
  }

  /** What each accepted vault event does to its P, for the audit. */
  private static void expect(ForcedSaleAudit audit, OptionsMarket m, VaultEvent e) {
    switch (e) {
      case VaultEvent.Deposited d -> audit.in(m.ledger.series(d.series()).orElseThrow().pToken(), d.pAdded());
      case VaultEvent.Rolled r -> {
        audit.out(r.gave(), r.given());
        audit.in(m.ledger.series(r.to()).orElseThrow().pToken(), r.received());
      }
      case VaultEvent.Redeemed r -> audit.out(m.ledger.series(r.series()).orElseThrow().pToken(), r.p());
      default -> { }
    }
  }

  /** The vault's own {@link noliq.wrapper.vault.NavReport}: its model mark, in USD, at the path's price. */
  private static double value(WrapperVault vault, OptionsMarket m, Instant now) {
    return vault.nav(m.observe(now)).modelMark().toDouble();
  }

  private static boolean hasIdleEth(OptionsMarket m, AccountId account) {
    return m.book.balanceOf(account, Token.ETH).isPositive();
  }

  private static void roll(WrapperVault vault, OptionsMarket m, WrapperTracker tracker, Instant now, UniformRandomProvider rng) {
    double before = value(vault, m, now);
    m.drawMakers(rng);
    VaultEvent e;
    try {
      e = vault.roll(now);
    } catch (VaultException refused) {
      return; // nothing the rules allow now (e.g. idle ETH but no current series yet)
    }
    switch (e) {
      case VaultEvent.Rolled r -> {
        tracker.rolled(now, before, value(vault, m, now), r.fairGiven().toDouble());
        m.venue.lastExecution().ifPresent(tracker::execution);
      }
      case VaultEvent.HeldToSettlement h -> tracker.unfilled();
      case VaultEvent.EntryUnfilled u -> tracker.unfilled();
      default -> { }
    }
  }

  /**
   * The settlement error of redeeming {@code pUnits} P of strike {@code strike} for {@code paidEth},
   * in USD at {@code priceNow}: what was paid less what P's own payout, {@code min(1, S / x)} per
   * unit at the true value {@code truthX}, would have paid. (N's {@code 1 - min(1, S / x)} is not
   * P's; the two coincide only at x = 2S, which is where Kyrrui's strike rule puts a flat path.)
   */
  static double settlementErrorUsd(double pUnits, double paidEth, double strike, double truthX, double priceNow) {
    double trueEth = pUnits * Math.min(1, strike / truthX);
    return (paidEth - trueEth) * priceNow;
  }

  /** Keeper duty: asks the oracle about every held series past maturity and redeems it once final. */
  private static void settleMatured(WrapperVault vault, OptionsMarket m, WrapperTracker tracker,
      java.util.Set<SeriesId> toSettle, Instant now, UniformRandomProvider rng) {
    for (SeriesId id : List.copyOf(toSettle)) {
      if (!vault.heldSeries().contains(id)) {
        toSettle.remove(id);
        continue;
      }
      Series s = m.ledger.series(id).orElseThrow();
      if (now.isBefore(s.maturity()) || !m.settlementFinal(s, now, rng)) {
        continue;
      }
      AccountId account = vault.config().account();
      Amount p = m.book.balanceOf(account, s.pToken());
      double x = m.price();
      double xm = m.truthAtMaturity(id);
      double k = s.strike().toDouble();
      VaultEvent.Redeemed r = vault.redeem(id, now);
      toSettle.remove(id);
      double after = value(vault, m, now);
      // what the payout would have been at the true price at maturity, valued now: the settlement error is the rest
      tracker.settled(now, after - settlementErrorUsd(p.toDouble(), r.eth().toDouble(), k, xm, x), after, s.maturity());
      m.recordHow(s, tracker);
    }
  }
}
