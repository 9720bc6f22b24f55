package noliq.wrapper.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import noliq.options.OptionsLedger;
import noliq.options.ReportedResolutions;
import noliq.options.Resolution;
import noliq.options.SeriesId;
import noliq.wrapper.drift.DriftAccount;
import noliq.wrapper.drift.DriftBreakdown;
import noliq.wrapper.drift.Deviation;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.testing.FairVenue;
import org.junit.jupiter.api.Test;

/**
 * A shareholder's drift along a price path, as the lab will measure it: the vault rolls by Kyrrui's
 * rule through a venue with an edge, one roll finds no taker and falls back to the slow oracle,
 * which settles 1% off the true price. The holder's deviation splits into exposure drift, roll cost
 * and settlement error, and the parts add up to the total.
 */
class VaultDriftTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  static final double VOL = 0.8;

  @Test
  void aShareholdersDeviationSplitsIntoDriftRollCostAndSettlementError() {
    TokenBook book = new TokenBook();
    ReportedResolutions oracle = new ReportedResolutions();
    OptionsLedger ledger = new OptionsLedger(book, oracle);
    FairVenue venue = new FairVenue(ledger, Price.of(2500), VOL, 0.004);
    WrapperVault vault = new WrapperVault(VaultConfig.of("drift", KyrruiTracker.defaults()), ledger, venue,
        venue::observe);
    AccountId alice = AccountId.of("alice");
    ledger.deposit(alice, Amount.of(10));

    Price x = Price.of(2500);
    vault.deposit(alice, Amount.of(10), T0);
    Instant now = T0;
    DriftAccount drift = new DriftAccount(value(vault, alice, new Observation(x, now, VOL)), now);
    SplittableRandom rng = new SplittableRandom(2026);
    double rollCostSeen = 0;
    int rolls = 0;
    boolean fellBack = false;
    SeriesId settling = null;
    for (int day = 1; day <= 120; day++) {
      now = T0.plus(Duration.ofDays(day));
      x = Price.fromDouble(x.toDouble() * Math.exp(VOL * Math.sqrt(1 / 365.0) * rng.nextGaussian() - VOL * VOL / 730),
          Rounding.DOWN);
      Observation obs = new Observation(x, now, VOL);
      venue.setSpot(x);
      drift.mark(value(vault, alice, obs), now);
      if (settling != null && !now.isBefore(ledger.series(settling).orElseThrow().maturity())) {
        // the slow oracle resolves 1% below the true price; the vault redeems, then re-enters
        oracle.report(ledger.series(settling).orElseThrow(),
            new Resolution.Value(x.mulDiv(BigInteger.valueOf(99), BigInteger.valueOf(100), Rounding.DOWN)));
        vault.redeem(settling, now);
        drift.settle(drift.breakdown().value(), value(vault, alice, obs), now);
        settling = null;
        venue.startFilling();
        Price before = value(vault, alice, obs);
        VaultEvent.Rolled reentry = (VaultEvent.Rolled) vault.roll(now);
        drift.roll(before, value(vault, alice, obs), now);
        rollCostSeen += reentry.fairReceived().toDouble() - reentry.fairGiven().toDouble();
        continue;
      }
      if (vault.rollDecision(now).rolls()) {
        if (!fellBack && rolls == 2) {
          venue.stopFilling();
        }
        Price before = value(vault, alice, obs);
        VaultEvent e = vault.roll(now);
        switch (e) {
          case VaultEvent.Rolled r -> {
            rolls++;
            rollCostSeen += r.fairReceived().toDouble() - r.fairGiven().toDouble();
            drift.roll(before, value(vault, alice, obs), now);
          }
          case VaultEvent.HeldToSettlement h -> {
            fellBack = true;
            settling = h.series();
          }
          case VaultEvent.Retargeted t -> { }
          default -> throw new AssertionError("unexpected " + e);
        }
      }
    }
    DriftBreakdown b = drift.breakdown();
    assertThat(rolls).isGreaterThanOrEqualTo(3);
    assertThat(fellBack).isTrue();
    assertThat(b.exposureDrift().plus(b.rollCost()).plus(b.settlementError())).isEqualTo(b.total());
    assertThat(b.total()).isEqualTo(Deviation.between(b.target(), value(vault, alice, new Observation(x, now, VOL))));
    // Alice owns all the real shares, so her roll cost is the vault's, less the virtual shares' sliver
    assertThat(b.rollCost().toDouble()).isNegative().isCloseTo(rollCostSeen, org.assertj.core.data.Offset.offset(
        Math.abs(rollCostSeen) * 1e-3));
    // settling at 1% below the true price pays P holders more ETH per P (S/x_o), worth more at the true x
    assertThat(b.settlementError().signum()).isPositive();
  }

  /** The holder's pro-rata share of the vault's model mark, rounded down. */
  static Price value(WrapperVault vault, AccountId holder, Observation obs) {
    NavReport nav = vault.nav(obs);
    BigInteger d = nav.shares().wei().add(nav.virtualShares().wei());
    return new Price(Exact.mulDiv(nav.modelMark().units(), vault.sharesOf(holder).wei(), d, Rounding.DOWN));
  }
}
