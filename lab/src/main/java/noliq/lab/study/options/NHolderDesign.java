package noliq.lab.study.options;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.MetricSpec.Headline;
import noliq.lab.study.MetricSpec.Loss;
import noliq.lab.study.MetricSpec.Role;
import noliq.lab.study.MetricSpec.Support;
import noliq.lab.study.Trace;
import noliq.math.Amount;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.options.IndexId;
import noliq.options.Leg;
import noliq.options.Series;
import noliq.wrapper.policy.Policies;
import noliq.wrapper.policy.RollPolicy;
import noliq.wrapper.policy.Target;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The N side: a holder who wants leveraged ETH buys N of the policy's entry series (strike and
 * maturity as the P wrapper would choose them) with all its ETH through the roll markets, holds it
 * to maturity (N is never sold by force: there is nothing to liquidate), has it settled by the slow
 * oracle and redeemed, and buys the next N with the proceeds. Its P&amp;L is in USD and in ETH; it is
 * ruined on a path where an N it held expired worthless or it ends down at least {@code ruinLoss}.
 *
 * <p>Id {@code n-holder} for the default policy (kyrrui-tracker) and auction, else
 * {@code n-holder.<policy>.<mechanism>}.
 */
public record NHolderDesign(String policyName, Mechanism mechanism, OptionsAssumptions assumptions) implements RollingDesign {
  static final AccountId HOLDER = AccountId.of("n-holder");
  public static final String DEFAULT_POLICY = "kyrrui-tracker";

  public NHolderDesign {
    if (policyName == null || !Policies.NAMES.contains(policyName)) {
      throw new RuleViolation("policy", "must be one of " + String.join(", ", Policies.NAMES) + " (was '" + policyName + "')");
    }
    if (mechanism == null || assumptions == null) {
      throw new RuleViolation("design", "mechanism and assumptions are required");
    }
  }

  /** Kyrrui's entry (N of strike x/2, 28 days), bought in the rotation auction. */
  public NHolderDesign() {
    this(DEFAULT_POLICY, Mechanism.DUTCH_AUCTION, OptionsAssumptions.DEFAULTS);
  }

  @Override
  public String id() {
    return policyName.equals(DEFAULT_POLICY) && mechanism == Mechanism.DUTCH_AUCTION ? "n-holder"
        : "n-holder." + policyName + "." + OptionsMarket.idOf(mechanism);
  }

  @Override
  public String description() {
    return String.format("N holder, $%,.0f, buys %s's entry N by %s, holds to maturity, rolls on settlement",
        assumptions.nHolderUsd(), policyName, OptionsMarket.idOf(mechanism));
  }

  @Override
  public List<MetricSpec> metrics() {
    String p = id();
    return List.of(
        new MetricSpec(p + ".pnl_pct", "%", "final value / start - 1, in USD (model mark)", Headline.MEAN).lossOf(Role.LEVERAGED_HOLDER, Loss.GAIN),
        new MetricSpec(p + ".pnl_eth_pct", "%", "final value / start - 1, in ETH", Headline.MEAN).as(Role.LEVERAGED_HOLDER),
        new MetricSpec(p + ".ruin", "0/1", "an N expired worthless, or the final loss is at least ruinLoss", Headline.SHARE).as(Role.LEVERAGED_HOLDER),
        new MetricSpec(p + ".expired_worthless", "count", "N series that settled at or below their strike", Headline.MEAN).as(Role.LEVERAGED_HOLDER).within(Support.NON_NEGATIVE),
        new MetricSpec(p + ".rolls", "count", "N bought (the first included)", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(p + ".forced_sales_usd", "USD", "N missing against the holder's own trades and redemptions, at fair value: 0 by construction (checked)", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(p + ".settlement_latency_h", "h", "mean time from maturity to redemption (0 if none)", Headline.MEAN).within(Support.NON_NEGATIVE));
  }

  @Override
  public Run newRun() {
    RollPolicy policy = Policies.named(policyName);
    return (path, rng, trace, out, offset) -> simulate(policy, path, rng, trace, out, offset);
  }

  private void simulate(RollPolicy policy, PricePath path, UniformRandomProvider rng, Trace trace, double[] out, int offset) {
    OptionsMarket m = new OptionsMarket(assumptions, mechanism, path);
    Instant t0 = path.time(0);
    double startEth = assumptions.nHolderUsd() / path.price(0);
    m.ledger.deposit(HOLDER, Amount.fromDouble(startEth, Rounding.DOWN));
    ForcedSaleAudit audit = new ForcedSaleAudit(m, HOLDER);
    Series held = null;
    int rolls = 0;
    int worthless = 0;
    int settlements = 0;
    double latencyHours = 0;
    for (int i = 0; i < path.size(); i++) {
      Instant now = path.time(i);
      m.setPrice(path.price(i));
      m.makersAt(now); // the makers' books run on every design's clock (the N holder reports no liquidity figure)
      if (held != null && !now.isBefore(held.maturity()) && m.settlementFinal(held, now, rng)) {
        if (m.ledger.settlement(held.id()).isEmpty()) {
          m.ledger.settle(held.id(), now);
        }
        if (m.ledger.settlement(held.id()).orElseThrow().perUnit(Leg.N).isZero()) {
          worthless++;
        }
        Amount n = m.book.balanceOf(HOLDER, held.nToken());
        if (n.isPositive()) {
          m.ledger.redeem(HOLDER, held.id(), Leg.N, n, now);
          audit.out(held.nToken(), n);
        }
        settlements++;
        latencyHours += Duration.between(held.maturity(), now).toSeconds() / 3600.0;
        held = null;
      }
      Amount eth = m.book.balanceOf(HOLDER, Token.ETH);
      if (held == null && eth.isPositive()) {
        Target target = policy.entry(m.observe(now));
        Series next = target.series(IndexId.ETH_USD);
        m.ledger.list(next);
        m.drawMakers(rng);
        TradeOutcome o = m.venue.trade(new TradeRequest(HOLDER, Token.ETH, eth, next.nToken(), mechanism, now,
            now.plus(WrapperVaultDesign.rollWindow(mechanism, assumptions))));
        if (o instanceof TradeOutcome.Filled f) {
          audit.in(next.nToken(), f.received());
          held = next;
          rolls++;
        }
      }
      if (trace.enabled() && i % 24 == 0) {
        double y = Duration.between(t0, now).toSeconds() / (365.0 * 86_400);
        trace.record(id() + ".value_usd", y, m.markUsd(HOLDER, now));
      }
    }
    Instant end = path.time(path.size() - 1);
    double forced = audit.forcedUsd(end);
    if (forced != 0) {
      throw new IllegalStateException(id() + ": N is never sold by force, yet " + forced + " USD of it was");
    }
    double finalUsd = m.markUsd(HOLDER, end);
    double pnl = finalUsd / assumptions.nHolderUsd() - 1;
    double pnlEth = finalUsd / path.price(path.size() - 1) / startEth - 1;
    int i = offset;
    out[i++] = pnl * 100;
    out[i++] = pnlEth * 100;
    out[i++] = worthless > 0 || pnl <= -assumptions.ruinLoss() ? 1 : 0;
    out[i++] = worthless;
    out[i++] = rolls;
    out[i++] = forced;
    out[i] = settlements == 0 ? 0 : latencyHours / settlements;
  }
}
