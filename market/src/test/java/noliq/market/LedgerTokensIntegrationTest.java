package noliq.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import noliq.market.amm.ConstantProductPool;
import noliq.market.amm.FeeSchedule;
import noliq.market.auction.AuctionTerms;
import noliq.market.auction.RotationAuctionHouse;
import noliq.market.book.OrderBook;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.IndexId;
import noliq.options.OptionsLedger;
import noliq.options.Series;
import noliq.options.SeriesId;
import org.junit.jupiter.api.Test;

/** The mechanisms trade the options ledger's real P tokens in the same book; trades move, never mint. */
class LedgerTokensIntegrationTest {
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant M = T0.plus(Duration.ofDays(7));

  @Test
  void poolAuctionAndBookTradeLedgerTokensWithoutChangingAnySupply() {
    TokenBook book = new TokenBook();
    OptionsLedger ledger = new OptionsLedger(book, (series, now) -> Optional.empty());
    Series old = Series.pn(IndexId.ETH_USD, Price.of(2000), M);
    Series nu = Series.pn(IndexId.ETH_USD, Price.of(1500), M.plus(Duration.ofDays(21)));
    SeriesId oldId = ledger.list(old);
    SeriesId newId = ledger.list(nu);
    AccountId holder = AccountId.of("holder");
    AccountId maker = AccountId.of("maker");
    AccountId lp = AccountId.of("lp");
    for (AccountId a : new AccountId[] {holder, maker, lp}) {
      ledger.deposit(a, Amount.of(1000));
      ledger.split(a, oldId, Amount.of(300), T0);
      ledger.split(a, newId, Amount.of(300), T0);
    }
    Map<Token, Amount> supplies = book.snapshot().supplies();

    ConstantProductPool pool = new ConstantProductPool(book, "oldP-ETH", old.pToken(), Token.ETH,
        FeeSchedule.RampToMaturity.uniindex(M), Optional.of(M));
    pool.addLiquidity(lp, Amount.of(200), Amount.of(130), T0);
    pool.swapExactIn(holder, old.pToken(), Amount.of(10), Amount.ZERO, T0.plusSeconds(60));

    RotationAuctionHouse house = new RotationAuctionHouse(book, "roll");
    long id = house.start(holder, old.pToken(), Amount.of(50), nu.pToken(), AuctionTerms.kyrrui(Price.of("0.8")), T0)
        .auctionId();
    house.take(id, maker, Amount.of(20), Price.of("0.8"), T0.plus(Duration.ofHours(12)));
    house.cancel(id, holder, T0.plus(Duration.ofHours(13)));

    OrderBook ob = new OrderBook(book, "newP-ETH", nu.pToken(), Token.ETH);
    ob.place(holder, OrderBook.Side.BUY, Price.of("0.66"), Amount.of(5), OrderBook.TimeInForce.GTC, T0);
    ob.place(maker, OrderBook.Side.SELL, Price.of("0.65"), Amount.of(3), OrderBook.TimeInForce.GTC, T0);

    Map<Token, Amount> after = book.snapshot().supplies();
    for (var e : supplies.entrySet()) {
      assertThat(after.get(e.getKey())).as("supply of %s", e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(book.balanceOf(maker, old.pToken())).isEqualTo(Amount.of(320));
    assertThat(book.balanceOf(holder, nu.pToken())).isEqualTo(Amount.of(300).plus(Amount.of("15.84")).plus(Amount.of(3)));
    // The ledger's collateral is untouched by trading: every P still has its N and its locked ETH.
    assertThat(ledger.locked(oldId)).isEqualTo(Amount.of(900));
  }
}
