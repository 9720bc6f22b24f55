package noliq.market.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import noliq.market.MarketEvent;
import noliq.market.amm.ConstantProductPool;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * Keeps a constant-product pool's price near an external reference price. It sees the reference
 * {@code latency} late, sizes the profit-maximising trade for the pool's fee, and trades only if
 * the profit, valued at the reference, exceeds {@code gasCost} (in the pool's quote token).
 */
public final class Arbitrageur {
  private final AccountId id;
  private final TokenBook book;
  private final Duration latency;
  private final Amount gasCost;

  public Arbitrageur(AccountId id, TokenBook book, Duration latency, Amount gasCost) {
    this.id = id;
    this.book = book;
    this.latency = latency;
    this.gasCost = gasCost;
  }

  /**
   * One look at {@code pool}, whose {@code base} is priced by {@code reference} (quote per base).
   * Returns the swap made, if it paid.
   */
  public Optional<MarketEvent.Swapped> act(ConstantProductPool pool, Token base, ReferencePrice reference, Instant now) {
    Token quote = pool.other(base);
    double ref = reference.at(now.minus(latency)).toDouble();
    double rb = pool.reserve(base).toDouble();
    double rq = pool.reserve(quote).toDouble();
    double gamma = 1 - pool.fees().feePips(now) / 1e6;
    double poolPrice = rq / rb;
    Token tokenIn;
    double inAmount;
    if (poolPrice < ref * gamma) {
      tokenIn = quote;  // base is cheap in the pool: buy it with quote
      inAmount = (Math.sqrt(gamma * rb * rq * ref) - rq) / gamma;
    } else if (poolPrice * gamma > ref) {
      tokenIn = base;  // base is dear in the pool: sell it
      inAmount = (Math.sqrt(gamma * rb * rq / ref) - rb) / gamma;
    } else {
      return Optional.empty();
    }
    Amount in = Amount.min(Amount.fromDouble(Math.max(inAmount, 0), Rounding.DOWN), book.balanceOf(id, tokenIn));
    if (!in.isPositive()) {
      return Optional.empty();
    }
    Amount out = pool.quoteExactIn(tokenIn, in, now);
    // Profit in quote units at the reference price; exact enough for a decision.
    double profit = tokenIn.equals(quote)
        ? out.toDouble() * ref - in.toDouble()
        : out.toDouble() - in.toDouble() * ref;
    if (profit <= gasCost.toDouble()) {
      return Optional.empty();
    }
    return Optional.of(pool.swapExactIn(id, tokenIn, in, out, now));
  }

  /** The pool price's distance from the reference, as a fraction. */
  public static double deviation(ConstantProductPool pool, Token base, ReferencePrice reference, Instant now) {
    double p = Exact.mulDiv(pool.reserve(pool.other(base)).wei(), Exact.WAD, pool.reserve(base).wei(), Rounding.DOWN)
        .doubleValue() / 1e18;
    return p / reference.at(now).toDouble() - 1;
  }
}
