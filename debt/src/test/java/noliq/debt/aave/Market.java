package noliq.debt.aave;

import java.util.ArrayList;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/** A test market: WETH, wstETH, USDC and GHO listed, an LP supplying every asset, the ETH e-mode. */
final class Market {
  static final Token ETH = Token.ETH;
  static final Token WSTETH = ReserveConfig.wsteth().asset();
  static final Token USDC = ReserveConfig.usdc().asset();
  static final Token GHO = ReserveConfig.gho().asset();
  static final AccountId LP = AccountId.of("lp");
  static final AccountId ALICE = AccountId.of("alice");
  static final AccountId BOB = AccountId.of("bob");
  static final AccountId LIQUIDATOR = AccountId.of("liquidator");
  static final Amount RICH = Amount.of(1_000_000_000L);

  final TokenBook book = new TokenBook();
  final Pool pool = new Pool(book);
  final List<AaveEvent> events = new ArrayList<>();

  Market() {
    this(ReserveConfig.weth());
  }

  Market(ReserveConfig weth) {
    pool.onEvent(events::add);
    pool.listReserve(weth);
    pool.listReserve(ReserveConfig.wsteth());
    pool.listReserve(ReserveConfig.usdc());
    pool.listReserve(ReserveConfig.gho());
    pool.setEModeCategory(EModeCategory.ethCorrelated());
    price(ETH, "2000");
    price(WSTETH, "2000");
    price(USDC, "1");
    price(GHO, "1");
    for (Token t : List.of(ETH, WSTETH, USDC, GHO)) {
      for (AccountId a : List.of(LP, ALICE, BOB, LIQUIDATOR)) {
        book.mint(t, a, RICH);
      }
      pool.supply(LP, t, Amount.of(1_000_000L));
    }
  }

  void price(Token asset, String usd) {
    pool.setPrice(asset, Price.of(usd));
  }

  /** Alice supplies {@code eth} ETH and borrows {@code gho} GHO at a price that allows it, then ETH moves to {@code ethPrice}. */
  void open(String eth, String gho, String ethPrice) {
    price(ETH, "100000");
    pool.supply(ALICE, ETH, Amount.of(eth));
    pool.borrow(ALICE, GHO, Amount.of(gho));
    price(ETH, ethPrice);
  }

  AccountData alice() {
    return pool.accountData(ALICE);
  }
}
