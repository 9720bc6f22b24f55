package noliq.lab.study.options;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import noliq.math.Amount;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;

/**
 * Reconciles a P wrapper's P holdings with the decisions it made: P may only arrive by a deposit or
 * a roll the policy decided, and leave by such a roll or a redemption at settlement. Whatever P is
 * missing beyond that was sold by force (a liquidation, which the options design has none of),
 * valued at its fair mark. This makes {@code forced_sales_usd} a measured zero, not a constant.
 */
final class ForcedSaleAudit {
  private final OptionsMarket market;
  private final AccountId holder;
  private final Map<Token, BigInteger> expected = new HashMap<>();

  ForcedSaleAudit(OptionsMarket market, AccountId holder) {
    this.market = market;
    this.holder = holder;
  }

  void in(Token p, Amount amount) {
    if (!p.equals(Token.ETH)) {
      expected.merge(p, amount.wei(), BigInteger::add);
    }
  }

  void out(Token p, Amount amount) {
    if (!p.equals(Token.ETH)) {
      expected.merge(p, amount.wei().negate(), BigInteger::add);
    }
  }

  /** The fair value in USD of P the holder is missing against its own decisions. */
  double forcedUsd(Instant now) {
    double usd = 0;
    for (Map.Entry<Token, BigInteger> e : expected.entrySet()) {
      BigInteger missing = e.getValue().subtract(market.book.balanceOf(holder, e.getKey()).wei());
      if (missing.signum() > 0) {
        usd += market.marks.mark(e.getKey(), Amount.ofWei(missing), market.observe(now), Rounding.DOWN).toDouble();
      }
    }
    return usd;
  }
}
