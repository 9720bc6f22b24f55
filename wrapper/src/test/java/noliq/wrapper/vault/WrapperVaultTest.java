package noliq.wrapper.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.OptionsException;
import noliq.options.OptionsLedger;
import noliq.options.ReportedResolutions;
import noliq.options.Resolution;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.Trigger;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.testing.FairVenue;
import org.junit.jupiter.api.Test;

class WrapperVaultTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  static final AccountId ALICE = AccountId.of("alice");
  static final AccountId BOB = AccountId.of("bob");
  static final AccountId KEEPER = AccountId.of("anyone");

  final TokenBook book = new TokenBook();
  final ReportedResolutions oracle = new ReportedResolutions();
  final OptionsLedger ledger = new OptionsLedger(book, oracle);
  final FairVenue venue = new FairVenue(ledger, Price.of(2500), 0.8, 0.002);
  final List<VaultEvent> events = new ArrayList<>();

  WrapperVault vault(VaultConfig config) {
    ledger.deposit(ALICE, Amount.of(100));
    ledger.deposit(BOB, Amount.of(100));
    return new WrapperVault(config, ledger, venue, venue::observe, events::add);
  }

  /** The market (the venue's reference price, which is also the vault's feed) at {@code spot} on {@code day}. */
  Instant at(String spot, long day) {
    venue.setSpot(Price.of(spot));
    return T0.plusSeconds(86_400 * day);
  }

  record State(TokenBook.Snapshot book, java.util.Optional<Position> current, int events) {}

  State state(WrapperVault v) {
    return new State(book.snapshot(), v.current(), events.size());
  }

  @Test
  void aDepositSplitsKeepsPReturnsNAndMintsSharesForTheIntrinsicValue() {
    WrapperVault v = vault(VaultConfig.of("kyrrui", KyrruiTracker.defaults()));
    VaultEvent.Deposited d = v.deposit(ALICE, Amount.of(2), at("2500", 0));
    Series s = v.currentSeriesIfAny().orElseThrow();
    assertThat(s.strike()).isEqualTo(Price.of(1250));
    assertThat(s.maturity()).isEqualTo(T0.plusSeconds(28 * 86_400));
    assertThat(book.balanceOf(v.config().account(), s.pToken())).isEqualTo(Amount.of(2));
    assertThat(book.balanceOf(ALICE, s.nToken())).isEqualTo(Amount.of(2));
    assertThat(book.balanceOf(v.config().account(), s.nToken())).isEqualTo(Amount.ZERO);
    // 2 P at min(2500, 1250) = $2500 of value; the first deposit mints value × 10^6 (the virtual shares over 1 virtual unit)
    assertThat(d.valueAdded()).isEqualTo(Price.of(2500));
    assertThat(d.shares()).isEqualTo(Amount.of(2_500_000_000L));
    assertThat(v.sharesOf(ALICE)).isEqualTo(d.shares());
    NavReport nav = v.nav(at("2500", 0));
    assertThat(nav.intrinsic()).isEqualTo(Price.of(2500));
    assertThat(nav.modelMark()).isLessThan(nav.intrinsic()); // P is short a put: its mark is below its cap
    assertThat(nav.modelMark().toDouble()).isGreaterThan(2499.0);
    assertThat(nav.basis()).contains("intrinsic: P at min(x, S)").contains("model mark");
    assertThat(events).containsExactly(d);

    VaultEvent.Deposited second = v.deposit(BOB, Amount.of(1), at("2600", 1));
    assertThat(second.series()).isEqualTo(s.id());
    // Bob brings 1 P ($1250 intrinsic at x = 2600) into a vault worth $2500: ERC-4626 with offset,
    // 1250e18 × (2.5e27 + 10^6) / (2500e18 + 1). The virtual 10^6 shares over 1 virtual unit stand in
    // the same ratio as 2.5e27 shares over 2500e18 units, so the quotient is exact: 1.25e27, half of
    // Alice's shares for half her value.
    assertThat(second.shares()).isEqualTo(Amount.of(1_250_000_000L));
    assertThat(second.valueAdded()).isEqualTo(Price.of(1250));
  }

  @Test
  void sellingNBuysMorePAndTheDepositorHoldsOnlyShares() {
    WrapperVault v = vault(VaultConfig.of("sell", KyrruiTracker.defaults()).with(NHandling.SELL));
    VaultEvent.Deposited d = v.deposit(ALICE, Amount.of(1), at("2500", 0));
    Series s = v.currentSeriesIfAny().orElseThrow();
    assertThat(book.balanceOf(ALICE, s.nToken())).isEqualTo(Amount.ZERO);
    // N at x = 2500, S = 1250 is worth about 1250 in index units, P about 1249.9: about 2 P in all, less the edge
    assertThat(d.pAdded().toDouble()).isBetween(1.99, 2.0);
    assertThat(venue.lastMechanism()).isEqualTo(Mechanism.DUTCH_AUCTION);
  }

  @Test
  void withdrawalsPayAProRataSliceOfEveryHoldingRoundedDown() {
    WrapperVault v = vault(VaultConfig.of("k", KyrruiTracker.defaults()));
    v.deposit(ALICE, Amount.of(3), at("2500", 0));
    v.deposit(BOB, Amount.of(1), at("2500", 0));
    Series s = v.currentSeriesIfAny().orElseThrow();
    Amount half = Amount.ofWei(v.sharesOf(ALICE).wei().shiftRight(1));
    VaultEvent.Withdrawn w = v.withdraw(ALICE, half);
    Amount paid = w.paid().get(s.pToken());
    // Alice's 3 P at $1250 mint 3.75e27 shares, Bob's 1 P 1.25e27 (exact, as above); half of Alice's is
    // 1.875e27. She is paid 4 P × 1.875e27 / (5e27 + 10^6) = 1.5 × (1 - 2e-22) P = 1.5e18 - 3e-4 wei,
    // rounded down: 1.5 P less one wei.
    assertThat(half).isEqualTo(Amount.of(1_875_000_000L));
    assertThat(paid.wei()).isEqualTo(new BigInteger("1499999999999999999"));
    assertThat(paid).isLessThan(Amount.of("1.5")).isGreaterThan(Amount.of("1.499999"));
    assertThat(w.paid()).containsOnlyKeys(s.pToken());
    // the withdrawn shares are burned: Alice keeps the other half, 1.875e27, and the supply falls by as much
    assertThat(v.sharesOf(ALICE)).isEqualTo(Amount.of(1_875_000_000L));
    assertThat(v.sharesOf(BOB)).isEqualTo(Amount.of(1_250_000_000L));
    assertThatThrownBy(() -> v.withdraw(ALICE, null)).hasMessage("shares: must be positive (was 0)");
  }

  @Test
  void withdrawingMoreSharesThanHeldOrNoneIsRefusedAndChangesNothing() {
    WrapperVault v = vault(VaultConfig.of("k", KyrruiTracker.defaults()));
    v.deposit(ALICE, Amount.of(1), at("2500", 0));
    State before = state(v);
    Amount tooMany = v.sharesOf(ALICE).plus(Amount.ofWei(1));
    assertThatThrownBy(() -> v.withdraw(ALICE, tooMany))
        .isInstanceOf(VaultException.class)
        .hasMessageStartingWith("shares: exceeds the shares held");
    assertThatThrownBy(() -> v.withdraw(BOB, Amount.ofWei(1))).hasMessageStartingWith("shares: exceeds the shares held");
    assertThatThrownBy(() -> v.withdraw(ALICE, Amount.ZERO)).hasMessage("shares: must be positive (was 0)");
    assertThatThrownBy(() -> v.deposit(ALICE, Amount.ZERO, at("2500", 0))).hasMessage("amount: must be positive (was 0)");
    assertThatThrownBy(() -> v.deposit(ALICE, Amount.of(1000), at("2500", 0))).hasMessageStartingWith("amount: exceeds the balance of alice");
    assertThat(state(v)).isEqualTo(before);
  }

  @Test
  void anyoneRollsOnceThePolicyAllowsItAndTheTradeGoesThroughTheChosenMechanism() {
    WrapperVault v = vault(VaultConfig.of("k", KyrruiTracker.defaults()).with(Mechanism.RESTING_ORDERS));
    v.deposit(ALICE, Amount.of(2), at("2500", 0));
    SeriesId first = v.currentSeriesIfAny().orElseThrow().id();
    State before = state(v);
    assertThatThrownBy(() -> v.roll(at("1900", 3)))
        .isInstanceOf(VaultException.class).hasMessageStartingWith("roll: is not allowed now: x = 1900");
    assertThat(state(v)).isEqualTo(before);
    // deposits close while a roll is due, until someone rolls
    assertThatThrownBy(() -> v.deposit(BOB, Amount.of(1), at("1800", 3)))
        .hasMessageStartingWith("deposit: is closed until someone calls roll: x = 1800 < 1.5·S = 1875");

    VaultEvent.Rolled r = (VaultEvent.Rolled) v.roll(at("1800", 3));
    assertThat(r.from()).contains(first);
    assertThat(r.trigger()).isEqualTo(Trigger.PRICE);
    assertThat(r.mechanism()).isEqualTo(Mechanism.RESTING_ORDERS);
    assertThat(v.current().orElseThrow().strike()).isEqualTo(Price.of(900));
    assertThat(book.balanceOf(v.config().account(), r.gave())).isEqualTo(Amount.ZERO);
    // the venue's edge is the roll's cost against fair value
    assertThat(r.fairReceived()).isLessThan(r.fairGiven());
    assertThat(r.fairReceived().toDouble() / r.fairGiven().toDouble()).isBetween(0.997, 0.999);
    assertThat(v.heldSeries()).containsExactly(r.to());
  }

  @Test
  void aRollNobodyFillsFallsBackToSettlementThroughTheSlowOracleThenReEnters() {
    WrapperVault v = vault(VaultConfig.of("k", KyrruiTracker.defaults()));
    v.deposit(ALICE, Amount.of(2), at("2500", 0));
    Series first = v.currentSeriesIfAny().orElseThrow();
    venue.stopFilling();
    VaultEvent fallback = v.roll(at("2500", 22)); // fewer than 7 days left
    assertThat(fallback).isInstanceOf(VaultEvent.HeldToSettlement.class);
    assertThat(v.current()).isEmpty();
    assertThat(v.heldSeries()).containsExactly(first.id());

    // settlement: before maturity, or before the oracle is final, nothing happens
    State before = state(v);
    assertThatThrownBy(() -> v.redeem(first.id(), T0.plusSeconds(86_400 * 27)))
        .isInstanceOf(VaultException.class).hasMessageStartingWith("series: series " + first.id() + " matures at");
    assertThatThrownBy(() -> v.redeem(first.id(), first.maturity()))
        .isInstanceOf(OptionsException.class).hasMessageStartingWith("oracle: has no final value");
    assertThat(state(v)).isEqualTo(before);

    oracle.report(first, new Resolution.Value(Price.of(2000)));
    VaultEvent.Redeemed red = v.redeem(first.id(), first.maturity().plusSeconds(3600));
    // P pays min(1, 1250/2000) = 0.625 ETH per unit
    assertThat(red.eth()).isEqualTo(Amount.of("1.25"));
    assertThat(book.balanceOf(v.config().account(), Token.ETH)).isEqualTo(Amount.of("1.25"));

    // an unwound vault pays ETH on withdrawal
    Amount tenth = Amount.ofWei(v.sharesOf(ALICE).wei().divide(BigInteger.TEN));
    VaultEvent.Withdrawn w = v.withdraw(ALICE, tenth);
    assertThat(w.paid()).containsOnlyKeys(Token.ETH);
    assertThat(w.paid().get(Token.ETH).toDouble()).isCloseTo(0.125, org.assertj.core.data.Offset.offset(1e-9));

    // anyone re-enters: the idle ETH buys P of the policy's entry target
    venue.startFilling();
    venue.setSpot(Price.of(2000));
    VaultEvent.Rolled again = (VaultEvent.Rolled) v.roll(first.maturity().plusSeconds(7200));
    assertThat(again.from()).isEmpty();
    assertThat(again.gave()).isEqualTo(Token.ETH);
    assertThat(v.current().orElseThrow().strike()).isEqualTo(Price.of(1000));
    assertThat(book.balanceOf(v.config().account(), Token.ETH)).isEqualTo(Amount.ZERO);
  }

  @Test
  void aFirstDepositorInflationAttackFails() {
    WrapperVault v = vault(VaultConfig.of("k", KyrruiTracker.defaults()));
    AccountId attacker = AccountId.of("attacker");
    ledger.deposit(attacker, Amount.of(1000));
    Instant obs = at("2500", 0);
    // 1. the attacker deposits one wei and holds every real share
    v.deposit(attacker, Amount.ofWei(1), obs);
    Series s = v.currentSeriesIfAny().orElseThrow();
    // 2. and donates 500 P straight to the vault's account to inflate the share price
    ledger.split(attacker, s.id(), Amount.of(500), obs);
    book.transfer(s.pToken(), attacker, v.config().account(), Amount.of(500));
    // 3. the victim deposits 1 ETH: worth $1250 of P
    VaultEvent.Deposited victim = v.deposit(ALICE, Amount.of(1), obs);
    assertThat(victim.shares().isPositive()).isTrue();
    // the victim can take out all but less than a millionth of what they brought (one share's rounding)
    Amount victimP = v.withdraw(ALICE, victim.shares()).paid().get(s.pToken());
    assertThat(victimP).isGreaterThan(Amount.of("0.999999")).isLessThanOrEqualTo(Amount.of(1));
    // the attacker, withdrawing everything, loses the virtual shares' cut of the donation, about
    // 500 × 10^6 / (1250 × 10^6 + 10^6) = 0.4 P: a thousand times more than the victim lost
    Amount attackerP = v.withdraw(attacker, v.sharesOf(attacker)).paid().get(s.pToken());
    Amount attackerLoss = Amount.of(500).plus(Amount.ofWei(1)).minus(attackerP);
    Amount victimLoss = Amount.of(1).minus(victimP);
    assertThat(attackerLoss.toDouble()).isGreaterThan(0.39);
    assertThat(attackerLoss).isGreaterThan(victimLoss.times(1000));
  }

  @Test
  void aDepositTooSmallToMintAShareIsRefused() {
    VaultConfig noOffset = new VaultConfig("z", noliq.options.IndexId.ETH_USD, KyrruiTracker.defaults(),
        Mechanism.DUTCH_AUCTION, java.time.Duration.ofDays(1), NHandling.RETURN_TO_DEPOSITOR, 0);
    WrapperVault v = vault(noOffset);
    // with no offset, 1 wei of P ($1.25e-15) mints 1250 share units; a $62,500 donation then prices one
    // unit above a 1-wei deposit, which is refused rather than silently minting nothing
    v.deposit(ALICE, Amount.ofWei(1), at("2500", 0));
    Series s = v.currentSeriesIfAny().orElseThrow();
    ledger.split(ALICE, s.id(), Amount.of(50), T0);
    book.transfer(s.pToken(), ALICE, v.config().account(), Amount.of(50));
    State before = state(v);
    assertThatThrownBy(() -> v.deposit(BOB, Amount.ofWei(1), at("2500", 0)))
        .isInstanceOf(VaultException.class).hasMessage("amount: is too small to mint a share (was 0.000000000000000001 ETH)");
    assertThat(state(v)).isEqualTo(before);
  }

  @Test
  void aVenueThatLiesAboutItsFillIsCaughtAndNothingChanges() {
    ledger.deposit(ALICE, Amount.of(10));
    WrapperVault v = new WrapperVault(VaultConfig.of("k", KyrruiTracker.defaults()).with(NHandling.SELL), ledger,
        r -> new noliq.wrapper.port.TradeOutcome.Filled(r.amount(), Amount.of(5), Price.of(1), Price.of(1), r.now()),
        venue::observe);
    State before = state(v);
    assertThatThrownBy(() -> v.deposit(ALICE, Amount.of(1), at("2500", 0)))
        .hasMessageStartingWith("venue: broke the RollVenue contract");
    assertThat(book.snapshot()).isEqualTo(before.book());
    assertThat(v.current()).isEmpty();
  }
}
