package noliq.market.amm;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import noliq.market.Checks;
import noliq.market.MarketError;
import noliq.market.MarketEvent;
import noliq.market.MarketException;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * A constant-product pool ({@code x * y = k}, Uniswap v2) for any two tokens: ETH, P or N of any
 * series, a stable. Its reserves are its own account's balances in the shared {@link TokenBook};
 * liquidity shares are a token {@code LP:<name>} in the same book. A fee schedule gives the fee at
 * each moment, and an optional halt time (a series' maturity) stops swaps from then on, as
 * uniindex's hook does ("the instant the series matures, beforeSwap reverts"); liquidity can
 * still be withdrawn after the halt.
 */
public final class ConstantProductPool {
  /** Uniswap v2's {@code MINIMUM_LIQUIDITY}: shares locked forever by the first deposit. */
  public static final Amount MINIMUM_LIQUIDITY = Amount.ofWei(1000);

  private final TokenBook book;
  private final String name;
  private final AccountId account;
  private final Token token0;
  private final Token token1;
  private final Token shareToken;
  private final FeeSchedule fees;
  private final Optional<Instant> haltAt;

  public ConstantProductPool(TokenBook book, String name, Token token0, Token token1, FeeSchedule fees,
      Optional<Instant> haltAt) {
    if (token0.equals(token1)) {
      throw new MarketException(new MarketError.SameToken("token1", token1));
    }
    this.book = book;
    this.name = name;
    this.account = AccountId.of("pool:" + name);
    this.token0 = token0;
    this.token1 = token1;
    this.shareToken = new Token("LP:" + name);
    this.fees = fees;
    this.haltAt = haltAt;
  }

  public String name() {
    return name;
  }

  public AccountId account() {
    return account;
  }

  public Token token0() {
    return token0;
  }

  public Token token1() {
    return token1;
  }

  public Token shareToken() {
    return shareToken;
  }

  public FeeSchedule fees() {
    return fees;
  }

  public Optional<Instant> haltAt() {
    return haltAt;
  }

  public Amount reserve(Token token) {
    requireToken("token", token);
    return book.balanceOf(account, token);
  }

  /** {@code k = r0 * r1}, exact. */
  public BigInteger k() {
    return book.balanceOf(account, token0).wei().multiply(book.balanceOf(account, token1).wei());
  }

  /** The marginal price of {@code base} in the other token, before fees, rounded down. */
  public Price spotPrice(Token base) {
    Token quote = other(base);
    Amount rb = book.balanceOf(account, base);
    if (rb.isZero()) {
      throw new MarketException(new MarketError.InsufficientLiquidity(name, "no reserves"));
    }
    return new Price(Exact.mulDiv(book.balanceOf(account, quote).wei(), Exact.WAD, rb.wei(), Rounding.DOWN));
  }

  /** What {@code amountIn} of {@code tokenIn} would buy now, without trading. */
  public Amount quoteExactIn(Token tokenIn, Amount amountIn, Instant now) {
    Checks.positive("amountIn", amountIn);
    Token tokenOut = other(tokenIn);
    Amount rin = book.balanceOf(account, tokenIn);
    Amount rout = book.balanceOf(account, tokenOut);
    if (rin.isZero() || rout.isZero()) {
      throw new MarketException(new MarketError.InsufficientLiquidity(name, "no reserves"));
    }
    return new Amount(ConstantProductMath.amountOut(amountIn.wei(), rin.wei(), rout.wei(), fees.feePips(now)));
  }

  /** The least {@code tokenIn} that buys {@code amountOut} of the other token now. */
  public Amount quoteExactOut(Token tokenIn, Amount amountOut, Instant now) {
    Checks.positive("amountOut", amountOut);
    Token tokenOut = other(tokenIn);
    Amount rin = book.balanceOf(account, tokenIn);
    Amount rout = book.balanceOf(account, tokenOut);
    if (rin.isZero() || amountOut.compareTo(rout) >= 0) {
      throw new MarketException(new MarketError.InsufficientLiquidity(name,
          "asks " + amountOut + " " + tokenOut + ", holds " + rout));
    }
    return new Amount(ConstantProductMath.amountIn(amountOut.wei(), rin.wei(), rout.wei(), fees.feePips(now)));
  }

  /**
   * Sells exactly {@code amountIn} of {@code tokenIn} for at least {@code minOut} of the other
   * token. All-or-nothing.
   */
  public MarketEvent.Swapped swapExactIn(AccountId trader, Token tokenIn, Amount amountIn, Amount minOut, Instant now) {
    Checks.required("now", now);
    requireOpen(now);
    requireToken("tokenIn", tokenIn);
    requireNotSelf(trader);
    Amount out = quoteExactIn(tokenIn, amountIn, now);
    if (out.isZero()) {
      throw new MarketException(new MarketError.NothingOut("amountIn", amountIn));
    }
    if (minOut != null && out.isLessThan(minOut)) {
      throw new MarketException(new MarketError.SlippageExceeded("minOut", minOut, out));
    }
    Token tokenOut = other(tokenIn);
    book.atomically(() -> {
      book.transfer(tokenIn, trader, account, amountIn);
      book.transfer(tokenOut, account, trader, out);
    });
    return new MarketEvent.Swapped(name, trader, tokenIn, amountIn, tokenOut, out, fees.feePips(now), now);
  }

  /** Buys exactly {@code amountOut} of the token other than {@code tokenIn}, paying at most {@code maxIn}. */
  public MarketEvent.Swapped swapExactOut(AccountId trader, Token tokenIn, Amount amountOut, Amount maxIn, Instant now) {
    Checks.required("now", now);
    requireOpen(now);
    requireToken("tokenIn", tokenIn);
    requireNotSelf(trader);
    Amount in = quoteExactOut(tokenIn, amountOut, now);
    if (maxIn != null && in.isGreaterThan(maxIn)) {
      throw new MarketException(new MarketError.SlippageExceeded("maxIn", maxIn, in));
    }
    Token tokenOut = other(tokenIn);
    book.atomically(() -> {
      book.transfer(tokenIn, trader, account, in);
      book.transfer(tokenOut, account, trader, amountOut);
    });
    return new MarketEvent.Swapped(name, trader, tokenIn, in, tokenOut, amountOut, fees.feePips(now), now);
  }

  /**
   * Deposits both tokens for shares. The first deposit sets the price and locks
   * {@link #MINIMUM_LIQUIDITY} shares; later deposits get the smaller proportional claim, so an
   * unbalanced deposit donates its excess to the pool.
   */
  public MarketEvent.LiquidityAdded addLiquidity(AccountId provider, Amount amount0, Amount amount1, Instant now) {
    Checks.required("now", now);
    Checks.positive("amount0", amount0);
    Checks.positive("amount1", amount1);
    requireNotSelf(provider);
    Amount totalShares = book.totalSupply(shareToken);
    Amount shares;
    if (totalShares.isZero()) {
      BigInteger root = ConstantProductMath.initialShares(amount0.wei(), amount1.wei());
      if (root.compareTo(MINIMUM_LIQUIDITY.wei()) <= 0) {
        throw new MarketException(new MarketError.OutOfRange("amount0",
            "large enough that sqrt(amount0 * amount1) exceeds " + MINIMUM_LIQUIDITY + " wei", amount0));
      }
      shares = new Amount(root.subtract(MINIMUM_LIQUIDITY.wei()));
    } else {
      shares = new Amount(ConstantProductMath.shares(amount0.wei(), amount1.wei(),
          book.balanceOf(account, token0).wei(), book.balanceOf(account, token1).wei(), totalShares.wei()));
      if (shares.isZero()) {
        throw new MarketException(new MarketError.NothingOut("amount0", amount0));
      }
    }
    boolean first = totalShares.isZero();
    book.atomically(() -> {
      book.transfer(token0, provider, account, amount0);
      book.transfer(token1, provider, account, amount1);
      if (first) {
        book.mint(shareToken, account, MINIMUM_LIQUIDITY);
      }
      book.mint(shareToken, provider, shares);
    });
    return new MarketEvent.LiquidityAdded(name, provider, amount0, amount1, shares, now);
  }

  /** Burns {@code shares} for the proportional reserves, rounded down. Allowed after the halt. */
  public MarketEvent.LiquidityRemoved removeLiquidity(AccountId provider, Amount shares, Instant now) {
    Checks.required("now", now);
    Checks.positive("shares", shares);
    requireNotSelf(provider);
    Amount total = book.totalSupply(shareToken);
    if (total.isZero()) {
      throw new MarketException(new MarketError.InsufficientLiquidity(name, "no shares exist"));
    }
    Amount held = book.balanceOf(provider, shareToken);
    if (shares.isGreaterThan(held)) {
      throw new MarketException(new MarketError.OutOfRange("shares", "at most the " + held + " held", shares));
    }
    Amount out0 = book.balanceOf(account, token0).mulDiv(shares, total, Rounding.DOWN);
    Amount out1 = book.balanceOf(account, token1).mulDiv(shares, total, Rounding.DOWN);
    book.atomically(() -> {
      book.burn(shareToken, provider, shares);
      if (out0.isPositive()) {
        book.transfer(token0, account, provider, out0);
      }
      if (out1.isPositive()) {
        book.transfer(token1, account, provider, out1);
      }
    });
    return new MarketEvent.LiquidityRemoved(name, provider, shares, out0, out1, now);
  }

  /** The pool's other token. */
  public Token other(Token token) {
    requireToken("token", token);
    return token.equals(token0) ? token1 : token0;
  }

  private void requireToken(String field, Token token) {
    if (token == null || !(token.equals(token0) || token.equals(token1))) {
      throw new MarketException(new MarketError.UnknownToken(field, token == null ? new Token("?") : token, name));
    }
  }

  private void requireOpen(Instant now) {
    if (haltAt.isPresent() && !now.isBefore(haltAt.get())) {
      throw new MarketException(new MarketError.Halted(name, haltAt.get(), now));
    }
  }

  private void requireNotSelf(AccountId trader) {
    if (account.equals(trader)) {
      throw new MarketException(new MarketError.SelfTrade("trader", trader));
    }
  }
}
