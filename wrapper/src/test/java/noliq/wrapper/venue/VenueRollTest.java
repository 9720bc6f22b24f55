package noliq.wrapper.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import noliq.market.roll.RollAssumptions;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.Backstop;
import noliq.oracle.RequestKey;
import noliq.oracle.SettlementPort;
import noliq.oracle.Verdict;
import noliq.oracle.feeds.SourceModel;
import noliq.oracle.optimistic.OptimisticConfig;
import noliq.oracle.optimistic.OptimisticOracle;
import noliq.options.OptionsLedger;
import noliq.options.Series;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.RollVenue;
import noliq.wrapper.vault.VaultConfig;
import noliq.wrapper.vault.VaultEvent;
import noliq.wrapper.vault.WrapperVault;
import org.junit.jupiter.api.Test;

class VenueRollTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  static final AccountId ALICE = AccountId.of("alice");
  static final Token USDC = new Token("USDC");

  final TokenBook book = new TokenBook();
  final OptimisticOracle oracle = new OptimisticOracle(book, USDC, AccountId.of("oo-escrow"), AccountId.of("oo-store"),
      new NoVote(), OptimisticConfig.uma(Amount.of(500), Amount.of(100)));
  final OptionsLedger ledger = new OptionsLedger(book, SettlementPort.halfHalf(oracle));
  double spot = 2500;
  final MarketDesk desk = new MarketDesk(ledger, now -> new Observation(Price.fromDouble(spot, noliq.math.Rounding.DOWN), now, 0.8),
      RollAssumptions.DEFAULTS);

  /** A backstop nobody reaches in these tests: no proposal is disputed. */
  static final class NoVote implements Backstop {
    @Override
    public void escalate(RequestKey key, Instant now) {
      throw new IllegalStateException("no dispute expected");
    }

    @Override
    public Optional<Verdict> verdict(RequestKey key) {
      return Optional.empty();
    }
  }

  WrapperVault vault(Mechanism m, RollVenue venue, Duration window) {
    VaultConfig base = VaultConfig.of("v-" + m.name().toLowerCase(), KyrruiTracker.defaults()).with(m);
    VaultConfig c = new VaultConfig(base.name(), base.index(), base.policy(), m, window, base.nHandling(), base.decimalsOffset());
    ledger.deposit(ALICE, Amount.of(100));
    return new WrapperVault(c, ledger, venue, desk::observe);
  }

  /** Every ETH in the book was deposited; every unsettled series has as much P as N, all backed by locked ETH. */
  void assertSupplies() {
    assertThat(book.totalSupply(Token.ETH)).isEqualTo(ledger.netDeposits());
    for (Series s : ledger.allSeries().values()) {
      if (ledger.settlement(s.id()).isEmpty()) {
        assertThat(book.totalSupply(s.pToken())).isEqualTo(book.totalSupply(s.nToken()));
        assertThat(ledger.locked(s.id())).isEqualTo(book.totalSupply(s.pToken()));
      }
    }
  }

  VaultEvent.Rolled rollOnPrice(WrapperVault v) {
    v.deposit(ALICE, Amount.of(40), T0);
    spot = 1800; // below 1.5 × 1250: a price roll
    Instant t = T0.plus(Duration.ofDays(3));
    Token oldP = v.currentSeriesIfAny().orElseThrow().pToken();
    Amount oldBefore = book.balanceOf(v.config().account(), oldP);
    VaultEvent e = v.roll(t);
    assertThat(e).isInstanceOf(VaultEvent.Rolled.class);
    VaultEvent.Rolled r = (VaultEvent.Rolled) e;
    Token newP = v.currentSeriesIfAny().orElseThrow().pToken();
    assertThat(oldBefore.minus(book.balanceOf(v.config().account(), oldP))).isEqualTo(r.given());
    assertThat(book.balanceOf(v.config().account(), newP)).isEqualTo(r.received());
    assertThat(r.received().isPositive()).isTrue();
    assertSupplies();
    return r;
  }

  double costOf(VaultEvent.Rolled r) {
    return 1 - r.fairReceived().toDouble() / r.fairGiven().toDouble();
  }

  @Test
  void aRollThroughTheAuctionMovesExactlyWhatItReportsAtASmallEdge() {
    VaultEvent.Rolled r = rollOnPrice(vault(Mechanism.DUTCH_AUCTION, new AuctionVenue(desk), Duration.ofDays(1)));
    assertThat(r.given()).isEqualTo(Amount.of(40)); // the whole lot is taken
    // makers take once the concession reaches their 10 bp minimum edge; the fill is within the 2% floor
    assertThat(costOf(r)).isBetween(0.0009, 0.0030);
  }

  @Test
  void aRollThroughTheAmmPaysTheFeeAndThePriceImpact() {
    VaultEvent.Rolled r = rollOnPrice(vault(Mechanism.AMM_SWAP, new AmmVenue(desk), Duration.ZERO));
    assertThat(r.given()).isEqualTo(Amount.of(40));
    // two hops, each a 0.3% fee plus the impact of ~$48k against one side of a $7M pool thinned by LPs at 80% vol
    // to 75.7/80 = 0.946 of it, $3.31M: 2 × (0.3% + 1.45%) ≈ 3.5%
    double side = RollAssumptions.DEFAULTS.ammPoolDepthUsd() * 0.757 / 0.8 / 2;
    double perHop = 0.003 + 48_000 / side;
    assertThat(costOf(r)).isBetween(2 * perHop * 0.9, 2 * perHop * 1.1);
  }

  @Test
  void aRollThroughRestingOrdersIsFilledByFlowNearFairValue() {
    VaultEvent.Rolled r = rollOnPrice(vault(Mechanism.RESTING_ORDERS, new BookVenue(desk), Duration.ofDays(3)));
    assertThat(r.given()).isEqualTo(Amount.of(40));
    assertThat(costOf(r)).isBetween(-0.0001, 0.0030);
    assertThat(book.balanceOf(BookVenue.DESK, r.gave())).isEqualTo(Amount.ZERO);
  }

  @Test
  void anUnfilledAuctionMovesNothingAndTheVaultSettlesThroughTheOptimisticOracle() {
    WrapperVault v = vault(Mechanism.DUTCH_AUCTION, new AuctionVenue(desk), Duration.ofDays(1));
    v.deposit(ALICE, Amount.of(40), T0);
    Series old = v.currentSeriesIfAny().orElseThrow();
    desk.setMakersPresent(false);
    spot = 1800;
    TokenBook.Snapshot before = book.snapshot();
    VaultEvent e = v.roll(T0.plus(Duration.ofDays(3)));
    assertThat(e).isInstanceOf(VaultEvent.HeldToSettlement.class);
    assertThat(book.snapshot()).isEqualTo(before);

    // maturity: the value is requested, proposed with a bond, and final after UMA's 2-hour liveness
    Instant maturity = old.maturity();
    RequestKey key = SettlementPort.keyOf(old);
    AccountId proposer = AccountId.of("proposer");
    book.mint(USDC, proposer, Amount.of(600));
    spot = 1000;
    oracle.request(key, AccountId.of("keeper"), Amount.ZERO, maturity);
    oracle.propose(key, proposer, Answer.value(Price.of(1000)), maturity);
    assertThat(oracle.finalAnswer(key, maturity.plus(Duration.ofHours(1)))).isEmpty();
    Instant after = maturity.plus(OptimisticConfig.UMA_DEFAULT_LIVENESS);
    VaultEvent.Redeemed redeemed = v.redeem(old.id(), after);
    // P of strike 1250 settled at 1000 pays min(1, 1250/1000) = 1 ETH each
    assertThat(redeemed.eth()).isEqualTo(Amount.of(40));
    assertThat(book.balanceOf(v.config().account(), Token.ETH)).isEqualTo(Amount.of(40));
    assertSupplies();

    // the next roll puts the ETH back into P once makers are back
    desk.setMakersPresent(true);
    VaultEvent reentry = v.roll(after);
    assertThat(reentry).isInstanceOf(VaultEvent.Rolled.class);
    assertThat(((VaultEvent.Rolled) reentry).gave()).isEqualTo(Token.ETH);
    assertSupplies();
  }

  @Test
  void manyRollsThroughEveryVenueKeepEverySupplyWhole() {
    SplittableRandom rng = new SplittableRandom(7);
    List<WrapperVault> vaults = new ArrayList<>(List.of(
        vault(Mechanism.DUTCH_AUCTION, new AuctionVenue(desk), Duration.ofDays(1)),
        vault(Mechanism.AMM_SWAP, new AmmVenue(desk), Duration.ZERO),
        vault(Mechanism.RESTING_ORDERS, new BookVenue(desk), Duration.ofDays(3))));
    for (WrapperVault v : vaults) {
      v.deposit(ALICE, Amount.of(5), T0);
    }
    Instant t = T0;
    int rolls = 0;
    int unfilled = 0;
    for (int day = 1; day <= 120; day++) {
      t = T0.plus(Duration.ofDays(day));
      spot = Math.max(200, spot * Math.exp(0.05 * (rng.nextDouble() * 2 - 1)));
      for (WrapperVault v : vaults) {
        desk.setMakersPresent(rng.nextInt(4) != 0);
        if (v.rollDecision(t).rolls()) {
          TokenBook.Snapshot before = book.snapshot();
          VaultEvent e = v.roll(t);
          if (e instanceof VaultEvent.Rolled) {
            rolls++;
          } else {
            unfilled++;
            assertThat(book.snapshot()).isEqualTo(before);
          }
        }
      }
      assertSupplies();
    }
    assertThat(rolls).isGreaterThanOrEqualTo(3 * 4);
    assertThat(unfilled).isPositive();
  }

  @Test
  void anAuctionWhoseEdgeNeverReachesTheMakersLeavesTheWholeBookAsItWas() {
    RollAssumptions d = RollAssumptions.DEFAULTS;
    RollAssumptions stingy = new RollAssumptions(d.ammPoolDepthUsd(), d.ammBaseFeePips(), d.ammFinalFeePips(),
        d.ammFeeRampWindow(), 500, d.auctionRamp(), d.makerPollInterval(), d.makerCount(), d.makerHalfSpreadBps(),
        d.makerMinEdgeBps(), d.makerMaxEdgeBps(), d.makerInventoryUsd(), d.patience(), d.naturalFlowUsdPerDay(),
        d.flowInterval());
    MarketDesk stingyDesk = new MarketDesk(ledger, desk::observe, stingy);
    WrapperVault v = vault(Mechanism.DUTCH_AUCTION, new AuctionVenue(stingyDesk), Duration.ofDays(1));
    v.deposit(ALICE, Amount.of(40), T0);
    spot = 1800;
    TokenBook.Snapshot before = book.snapshot();
    // a 5 bp concession never reaches the makers' 10 bp minimum edge
    assertThat(v.roll(T0.plus(Duration.ofDays(3)))).isInstanceOf(VaultEvent.HeldToSettlement.class);
    assertThat(book.snapshot()).isEqualTo(before);
  }

  @Test
  void thePriceViewReadsTheOracleSourceModels() {
    List<SourceModel> sources = List.of(new SourceModel("a", 0, Duration.ZERO, 0), new SourceModel("b", 0, Duration.ofHours(1), 0),
        new SourceModel("down", 0, Duration.ZERO, 1));
    MedianPriceView view = new MedianPriceView(sources, t -> t.isBefore(T0) ? 2000 : 2500, new SplittableRandom(1), T0);
    assertThat(view.sources()).containsExactly("a", "b", "down");
    assertThat(view.read(0)).contains(Price.of(2500));
    assertThat(view.read(1)).contains(Price.of(2000));
    assertThat(view.read(2)).isEmpty();
  }
}
