package noliq.wrapper.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import noliq.market.MarketException;
import noliq.market.agents.Arbitrageur;
import noliq.market.amm.ConstantProductPool;
import noliq.market.amm.FeeSchedule;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.options.Series;
import noliq.wrapper.port.ExecutionCost;
import noliq.wrapper.port.RollVenue;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;

/**
 * An instant swap as a roll venue: every leg trades against ETH in its own constant-product pool
 * (Uniswap v2 rules, uniindex's fee ramp to maturity, halted at maturity), so a roll routes old P →
 * ETH → new P. A pool is created for a series the first time it is traded and persists, seeded at
 * fair value by a liquidity provider with {@code ammPoolDepthUsd} of total value times the depth
 * share at the vol of that moment ({@code MarketReaction.ammDepthShare}: LPs commit less when their
 * loss to arbitrage, which grows as σ², is higher), and, if {@code MarketReaction.ammFeeVolExponent} turns
 * it on, charging a fee that rises with the level at each swap; before every trade an
 * {@link Arbitrageur} with no latency and no gas brings each pool on the route back to the reference
 * (the roll-cost study's "pools start arbitraged to fair value"). A swap the pool refuses (halted,
 * nothing out) is {@link TradeOutcome.Unfilled}, with nothing moved.
 */
public final class AmmVenue implements RollVenue {
  static final AccountId LIQUIDITY_PROVIDER = AccountId.of("amm-lp");
  static final AccountId ARBITRAGEUR = AccountId.of("amm-arbitrageur");
  private final MarketDesk desk;
  private final Map<Token, ConstantProductPool> pools = new HashMap<>();
  private final Arbitrageur arbitrageur;
  private ExecutionCost last;
  /** What each pool's liquidity provider put in: P and ETH. */
  private final Map<Token, Amount[]> seeds = new HashMap<>();
  /** What each pool's seed was worth when seeded, USD. */
  private final Map<Token, Double> seedUsd = new HashMap<>();
  /** Running totals, USD at each trade's spot: fees paid to LPs, and arbitrageurs' profit at fair value (LPs' LVR). */
  private double lpFeesUsd;
  private double lvrUsd;
  /** The same for the trade in progress, kept only if it completes. */
  private double pendingFeesUsd;
  private double pendingLvrUsd;

  /**
   * The liquidity providers' side, in USD at {@code now}: fees earned, loss to arbitrage at fair value
   * (loss-versus-rebalancing, measured trade by trade: the arbitrageurs' profit after the fees they
   * pay), and the pools' value against holding what was seeded (loss versus holding, fees included
   * since they stay in the pools). {@code depositsUsd}: what the LPs committed, each pool's seed at
   * fair value when it was seeded. {@code arbitrageurFloatUsd}: what the arbitrageurs hold to
   * correct the pools, by the venue's rule ({@code ammPoolDepthUsd} of ETH, and as much of each
   * pool's leg).
   */
  public record LpReport(double feesUsd, double lvrUsd, double lossVersusHoldingUsd, double depositsUsd,
      double arbitrageurFloatUsd) {}

  public LpReport lpReport(Instant now) {
    double spot = desk.observe(now).spot().toDouble();
    double loss = 0;
    for (Map.Entry<Token, ConstantProductPool> e : pools.entrySet()) {
      Amount[] seed = seeds.get(e.getKey());
      double fairP = desk.fairEth(e.getKey(), now);
      double held = seed[0].toDouble() * fairP + seed[1].toDouble();
      double pooled = e.getValue().reserve(e.getKey()).toDouble() * fairP + e.getValue().reserve(Token.ETH).toDouble();
      loss += (held - pooled) * spot;
    }
    double deposits = seedUsd.values().stream().mapToDouble(Double::doubleValue).sum();
    double arbitrageurFloat = pools.isEmpty() ? 0 : desk.assumptions().ammPoolDepthUsd() * (1 + pools.size());
    return new LpReport(lpFeesUsd, lvrUsd, loss, deposits, arbitrageurFloat);
  }

  /** Arbitrageurs bring every live pool back to fair value now (the lab calls it on its marking clock). */
  public void rebalance(Instant now) {
    for (Token token : java.util.List.copyOf(pools.keySet())) {
      ConstantProductPool pool = pools.get(token);
      if (pool.haltAt().map(h -> !now.isBefore(h)).orElse(false)) {
        continue;
      }
      pendingFeesUsd = 0;
      pendingLvrUsd = 0;
      try {
        desk.book().atomically(() -> {
          arbitraged(token, now);
          return null;
        });
        lpFeesUsd += pendingFeesUsd;
        lvrUsd += pendingLvrUsd;
      } catch (MarketException e) {
        // a pool that refuses (halted at maturity) is left as it is
      }
    }
  }
  public AmmVenue(MarketDesk desk) {
    this.desk = desk;
    this.arbitrageur = new Arbitrageur(ARBITRAGEUR, desk.book(), Duration.ZERO, Amount.ZERO);
  }

  /** The pool of {@code token} against ETH, if one was created. */
  public Optional<ConstantProductPool> pool(Token token) {
    return Optional.ofNullable(pools.get(token));
  }

  @Override
  public java.util.Optional<ExecutionCost> lastExecution() {
    return java.util.Optional.ofNullable(last);
  }

  @Override
  public TradeOutcome trade(TradeRequest r) {
    Instant now = r.now();
    pendingFeesUsd = 0;
    pendingLvrUsd = 0;
    try {
      return desk.book().atomically(() -> {
        Amount receiveBefore = desk.book().balanceOf(r.trader(), r.receive());
        Amount eth = r.amount();
        double feeEth = 0;
        if (!r.give().equals(Token.ETH)) {
          ConstantProductPool sell = arbitraged(r.give(), now);
          var swap = sell.swapExactIn(r.trader(), r.give(), r.amount(), Amount.ZERO, now);
          feeEth += r.amount().toDouble() * desk.fairEth(r.give(), now) * swap.feePips() / 1e6;
          eth = swap.amountOut();
        }
        if (!r.receive().equals(Token.ETH)) {
          var swap = arbitraged(r.receive(), now).swapExactIn(r.trader(), Token.ETH, eth, Amount.ZERO, now);
          feeEth += eth.toDouble() * swap.feePips() / 1e6;
        }
        Amount received = desk.book().balanceOf(r.trader(), r.receive()).minus(receiveBefore);
        // arbitrageurs are fast: they take the pools back to fair value at once; what they earn reverses the trade's
        // impact, which the liquidity providers had earned, so it is not their loss to moves (LVR)
        double lvrBefore = pendingLvrUsd;
        if (!r.give().equals(Token.ETH)) {
          arbitraged(r.give(), now);
        }
        if (!r.receive().equals(Token.ETH)) {
          arbitraged(r.receive(), now);
        }
        pendingLvrUsd = lvrBefore;
        double givenFair = r.give().equals(Token.ETH) ? r.amount().toDouble() : r.amount().toDouble() * desk.fairEth(r.give(), now);
        double receivedFair = r.receive().equals(Token.ETH) ? received.toDouble()
            : received.toDouble() * desk.fairEth(r.receive(), now);
        double execution = givenFair - receivedFair;
        last = new ExecutionCost(givenFair, receivedFair, execution, feeEth, execution - feeEth, 0, now, now);
        double spot = desk.observe(now).spot().toDouble();
        lpFeesUsd += pendingFeesUsd + feeEth * spot;
        lvrUsd += pendingLvrUsd;
        return new TradeOutcome.Filled(r.amount(), received, desk.fair(r.give(), r.amount(), now),
            desk.fair(r.receive(), received, now), now);
      });
    } catch (MarketException e) {
      return new TradeOutcome.Unfilled("the pool refused the swap: " + e.getMessage());
    }
  }

  private ConstantProductPool arbitraged(Token token, Instant now) {
    ConstantProductPool pool = pools.get(token);
    if (pool == null) {
      pool = seeded(token, now);
      pools.put(token, pool);
      desk.book().onRollback(() -> pools.remove(token));
    }
    double depthEth = desk.assumptions().ammPoolDepthUsd() / desk.observe(now).spot().toDouble();
    // The arbitrageur holds both sides, as much as the pool itself: enough for any correction.
    desk.cover(ARBITRAGEUR, token, desk.unitsWorth(desk.assumptions().ammPoolDepthUsd(), token, now), now);
    desk.cover(ARBITRAGEUR, Token.ETH, Amount.fromDouble(depthEth, Rounding.UP), now);
    double fairEth = desk.fairEth(token, now);
    Price fair = Price.fromDouble(fairEth, Rounding.DOWN);
    arbitrageur.act(pool, token, at -> fair, now).ifPresent(swap -> {
      double spot = desk.observe(now).spot().toDouble();
      boolean ethIn = swap.tokenIn().equals(Token.ETH);
      double inEth = swap.amountIn().toDouble() * (ethIn ? 1 : fairEth);
      double outEth = swap.amountOut().toDouble() * (ethIn ? fairEth : 1);
      pendingLvrUsd += (outEth - inEth) * spot;
      pendingFeesUsd += inEth * swap.feePips() / 1e6 * spot;
    });
    return pool;
  }

  private ConstantProductPool seeded(Token token, Instant now) {
    Series series = desk.seriesOf(token);
    // the dynamic fee, if the reaction turns it on, reads the surface's level at each swap's moment
    FeeSchedule fees = desk.assumptions().reaction().ammFees(new FeeSchedule.RampToMaturity(desk.assumptions().ammBaseFeePips(),
        desk.assumptions().ammFinalFeePips(), desk.assumptions().ammFeeRampWindow(), series.maturity()),
        at -> desk.observe(at).surface().atm30());
    ConstantProductPool pool = new ConstantProductPool(desk.book(), "amm-" + token.symbol(), token, Token.ETH, fees,
        Optional.of(series.maturity()));
    double atm = desk.observe(now).surface().atm30();
    double halfUsd = desk.assumptions().ammPoolDepthUsd() * desk.assumptions().reaction().ammDepthShare(atm) / 2;
    Amount eth = Amount.fromDouble(halfUsd / desk.observe(now).spot().toDouble(), Rounding.DOWN);
    Amount p = desk.unitsWorth(halfUsd, token, now);
    desk.cover(LIQUIDITY_PROVIDER, token, p, now);
    desk.cover(LIQUIDITY_PROVIDER, Token.ETH, eth, now);
    pool.addLiquidity(LIQUIDITY_PROVIDER, p, eth, now);
    seeds.put(token, new Amount[] {p, eth});
    double spot = desk.observe(now).spot().toDouble();
    seedUsd.put(token, (p.toDouble() * desk.fairEth(token, now) + eth.toDouble()) * spot);
    desk.book().onRollback(() -> {
      seeds.remove(token);
      seedUsd.remove(token);
    });
    return pool;
  }
}
