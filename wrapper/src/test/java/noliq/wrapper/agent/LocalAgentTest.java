package noliq.wrapper.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import noliq.options.IndexId;
import noliq.options.OptionsLedger;
import noliq.options.ReportedResolutions;
import noliq.options.Series;
import noliq.wrapper.drift.DriftAccount;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollDecision;
import noliq.wrapper.policy.Trigger;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.PriceView;
import noliq.wrapper.testing.FairVenue;
import noliq.wrapper.vault.VaultConfig;
import noliq.wrapper.vault.WrapperVault;
import noliq.pricing.InverseOptions;
import noliq.pricing.OptionInputs;
import noliq.pricing.Valuation;
import noliq.pricing.VolSurface;
import noliq.wrapper.policy.Exposure;
import noliq.wrapper.port.VolFeed;
import org.junit.jupiter.api.Test;

class LocalAgentTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  /** Fixed prices by source; null means the source does not answer. */
  record FixedView(List<String> sources, List<Price> prices) implements PriceView {
    static FixedView of(String... prices) {
      List<String> names = new java.util.ArrayList<>();
      List<Price> ps = new java.util.ArrayList<>();
      for (int i = 0; i < prices.length; i++) {
        names.add("src" + i);
        ps.add(prices[i] == null ? null : Price.of(prices[i]));
      }
      return new FixedView(names, ps);
    }

    @Override
    public Optional<Price> read(int index) {
      return Optional.ofNullable(prices.get(index));
    }
  }

  static final Position HELD = new Position(Price.of(1250), T0.plus(Duration.ofDays(28)), Price.of(2500), T0);

  /** A market surface with the fitted smile (put skew 0.174, call skew 0.103: MarketReaction's defaults) at 75%. */
  static final VolSurface SMILE = new VolSurface(0.75, 0.757, 4, 0.174, 0.103, 3);
  static final VolFeed SURFACE = VolFeed.constant(SMILE);

  @Test
  void theAgentValuesItsPOnTheSurfaceAtTheHeldStrikeAndMaturityNotOnAFixedVol() {
    FixedView view = FixedView.of("2000", "2000", "2000");
    Instant now = T0.plus(Duration.ofDays(3));
    Exposure onSurface = new LocalAgent(AgentConfig.of(KyrruiTracker.defaults(), 3), SURFACE, AccountId.of("h"),
        IndexId.ETH_USD, Optional.of(HELD)).decide(now, view, new SplittableRandom(1)).exposure().orElseThrow();
    // the held strike 1250 is a deep out-of-the-money put at spot 2000: it is valued on the put wing, above the
    // at-the-money level, at 25 days to maturity
    double days = HELD.daysToMaturity(now);
    double wing = SMILE.volDays(2000, 1250, days);
    assertThat(wing).isGreaterThan(SMILE.atm(days) * 1.1);
    Valuation v = InverseOptions.value(OptionInputs.of(2000, 1250, days, wing));
    assertThat(onSurface.pIndex()).isCloseTo(v.pIndex(), within(1e-9));
    Valuation atAtm = InverseOptions.value(OptionInputs.of(2000, 1250, days, SMILE.atm30()));
    assertThat(Math.abs(onSurface.pIndex() - atAtm.pIndex())).isGreaterThan(1e-3);

    // doubling the market's surface changes the agent's valuation: P (a covered call) is worth less, its delta more
    Exposure doubled = new LocalAgent(AgentConfig.of(KyrruiTracker.defaults(), 3), VolFeed.constant(SMILE.scaled(2)),
        AccountId.of("h"), IndexId.ETH_USD, Optional.of(HELD)).decide(now, view, new SplittableRandom(1)).exposure().orElseThrow();
    assertThat(doubled.pIndex()).isLessThan(onSurface.pIndex() - 1);
    assertThat(doubled.deltaIndex()).isGreaterThan(onSurface.deltaIndex());

    // the surface is read at the decision's own moment: a feed that moves moves the valuation
    VolFeed moving = t -> t.isBefore(now) ? SMILE : SMILE.scaled(2);
    LocalAgent agent = new LocalAgent(AgentConfig.of(KyrruiTracker.defaults(), 3), moving, AccountId.of("h"),
        IndexId.ETH_USD, Optional.of(HELD));
    assertThat(agent.decide(now, view, new SplittableRandom(1)).exposure().orElseThrow().pIndex())
        .isCloseTo(doubled.pIndex(), within(1e-12));
    assertThat(agent.decide(now.minusSeconds(1), view, new SplittableRandom(1)).exposure().orElseThrow().pIndex())
        .isGreaterThan(doubled.pIndex() + 1);
  }

  @Test
  void theMedianOfKRandomSourcesHidesWhichOnesAreUsed() {
    FixedView view = FixedView.of("1800", "1810", "1790", "1805", "1795", "9999", "1");
    PrivateMedian m = new PrivateMedian(5);
    Set<List<String>> subsets = new HashSet<>();
    for (long seed = 1; seed <= 20; seed++) {
      PrivateMedian.Reading r = m.read(view, new SplittableRandom(seed));
      assertThat(r.asked()).hasSize(5).doesNotHaveDuplicates();
      assertThat(r.median()).isPresent();
      subsets.add(r.asked().stream().sorted().toList());
    }
    assertThat(subsets.size()).isGreaterThan(5);
    // with all five honest sources the outliers cannot be the median of any 5 of 7
    assertThat(m.read(view, new SplittableRandom(3)).median().orElseThrow()).isBetween(Price.of(1790), Price.of(1810));
    assertThat(PrivateMedian.median(List.of(Price.of(1), Price.of(4), Price.of(2), Price.of(3)))).isEqualTo(Price.of("2.5"));
    assertThat(PrivateMedian.median(List.of(new Price(java.math.BigInteger.ONE), new Price(java.math.BigInteger.TWO)))).isEqualTo(new Price(java.math.BigInteger.ONE));
  }

  @Test
  void theMedianStaysWithinTheHonestSourcesWhileTheLiarsAskedAreAMinority() {
    SplittableRandom rng = new SplittableRandom(99);
    int checked = 0;
    for (int trial = 0; trial < 2_000; trial++) {
      int n = rng.nextInt(3, 13);
      int k = rng.nextInt(1, n + 1);
      String[] prices = new String[n];
      java.util.Set<String> liars = new HashSet<>();
      for (int i = 0; i < n; i++) {
        boolean liar = rng.nextInt(4) == 0;
        boolean silent = !liar && rng.nextInt(8) == 0;
        prices[i] = silent ? null : liar ? (rng.nextBoolean() ? "1" : "1000000") : Integer.toString(rng.nextInt(1990, 2011));
        if (liar) {
          liars.add("src" + i);
        }
      }
      PrivateMedian.Reading r = new PrivateMedian(k).read(FixedView.of(prices), rng);
      long liarsAsked = r.asked().stream().filter(liars::contains).count();
      assertThat(r.asked()).hasSize(k).doesNotHaveDuplicates();
      if (r.median().isPresent() && liarsAsked * 2 < r.answers().size()) {
        assertThat(r.median().get()).isBetween(Price.of(1990), Price.of(2010));
        checked++;
      }
      if (r.answers().size() * 2 <= k) {
        assertThat(r.median()).isEmpty();
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void withoutAMajorityOfAnswersThereIsNoDecision() {
    FixedView view = FixedView.of("1800", null, null);
    LocalAgent agent = new LocalAgent(AgentConfig.of(KyrruiTracker.defaults(), 3), SURFACE, AccountId.of("h"), IndexId.ETH_USD,
        Optional.of(HELD));
    AgentDecision d = agent.decide(T0, view, new SplittableRandom(1));
    assertThat(d.decision()).isEmpty();
    assertThat(d.rolls()).isFalse();
    assertThat(d.why()).contains("only 1 of 3 sources answered");
    assertThatThrownBy(() -> new PrivateMedian(4).read(view, new SplittableRandom(1)))
        .hasMessage("k: must not exceed the number of sources 3 (was 4)");
  }

  @Test
  void aDueRollIsTradedAtARandomMomentInsideTheWindow() {
    FixedView view = FixedView.of("1800", "1801", "1799");
    AgentConfig config = AgentConfig.of(KyrruiTracker.defaults(), 3);
    Set<Instant> moments = new HashSet<>();
    for (long seed = 1; seed <= 10; seed++) {
      LocalAgent agent = new LocalAgent(config, SURFACE, AccountId.of("h"), IndexId.ETH_USD, Optional.of(HELD));
      AgentDecision d = agent.decide(T0, view, new SplittableRandom(seed));
      assertThat(d.rolls()).isTrue();
      RollDecision.Roll r = (RollDecision.Roll) d.decision().orElseThrow();
      assertThat(r.trigger()).isEqualTo(Trigger.PRICE);
      assertThat(r.to().strike()).isEqualTo(Price.of(900));
      Instant at = d.tradeAt().orElseThrow();
      assertThat(at).isBetween(T0, T0.plus(config.executionWindow()));
      assertThat(d.tradeDeadline()).contains(at.plus(config.deadline()));
      assertThat(d.nextCheck()).isBetween(T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(9)));
      moments.add(at);
    }
    assertThat(moments.size()).isGreaterThan(5);
  }

  /** A one-second window: the trade is now or a second later, both reached over 40 seeds. */
  @Test
  void aOneSecondWindowTradesNowOrOneSecondLater() {
    FixedView view = FixedView.of("1800", "1801", "1799");
    AgentConfig config = new AgentConfig(KyrruiTracker.defaults(), 3, Duration.ofHours(6), Duration.ofSeconds(1),
        noliq.wrapper.port.Mechanism.RESTING_ORDERS, Duration.ofDays(1));
    Set<Instant> moments = new HashSet<>();
    for (long seed = 1; seed <= 40; seed++) {
      LocalAgent agent = new LocalAgent(config, SURFACE, AccountId.of("h"), IndexId.ETH_USD, Optional.of(HELD));
      moments.add(agent.decide(T0, view, new SplittableRandom(seed)).tradeAt().orElseThrow());
    }
    assertThat(moments).containsExactlyInAnyOrder(T0, T0.plusSeconds(1));
    assertThat(new LocalAgent(config, SURFACE, AccountId.of("h"), IndexId.ETH_USD, Optional.of(HELD)).config())
        .isSameAs(config);
  }

  /** The next check is drawn from [0.5, 1.5] × the mean, to the second: both ends are reached for a 2-second mean. */
  @Test
  void theJitterReachesBothEndsOfItsRange() {
    SplittableRandom rng = new SplittableRandom(3);
    Set<Duration> gaps = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      gaps.add(LocalAgent.jitter(Duration.ofSeconds(2), rng));
    }
    assertThat(gaps).containsExactlyInAnyOrder(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
  }

  @Test
  void theAgentTradesThroughTheVenueAndFeedsTheDriftAccount() {
    TokenBook book = new TokenBook();
    OptionsLedger ledger = new OptionsLedger(book, new ReportedResolutions());
    FairVenue venue = new FairVenue(ledger, Price.of(1800), 0.8, 0.001);
    AccountId holder = AccountId.of("holder");
    Series first = Series.pn(IndexId.ETH_USD, HELD.strike(), HELD.maturity());
    ledger.list(first);
    ledger.deposit(holder, Amount.of(2));
    ledger.split(holder, first.id(), Amount.of(2), T0);
    LocalAgent agent = new LocalAgent(AgentConfig.of(KyrruiTracker.defaults(), 3), SURFACE, holder, IndexId.ETH_USD,
        Optional.of(HELD));
    FixedView view = FixedView.of("1800", "1800", "1800");
    SplittableRandom rng = new SplittableRandom(42);

    List<AgentEvent> first1 = agent.step(T0, view, rng, venue, ledger);
    assertThat(first1).hasSize(1).first().isInstanceOf(AgentEvent.Decided.class);
    Instant tradeAt = agent.pending().orElseThrow().tradeAt().orElseThrow();
    assertThat(agent.step(tradeAt.minusSeconds(1), view, rng, venue, ledger)).isEmpty();
    List<AgentEvent> traded = agent.step(tradeAt, view, rng, venue, ledger);
    AgentEvent.Traded t = (AgentEvent.Traded) traded.get(1);
    assertThat(t.from()).contains(first.id());
    assertThat(t.mechanism()).isEqualTo(Mechanism.RESTING_ORDERS);
    assertThat(agent.held().orElseThrow().strike()).isEqualTo(Price.of(900));
    assertThat(ledger.balance(holder, first.pToken())).isEqualTo(Amount.ZERO);
    assertThat(agent.log()).hasSize(3);

    // the trade's fair values are what the drift accounting charges as roll cost
    DriftAccount drift = new DriftAccount(t.fairGiven(), T0);
    drift.roll(t.fairGiven(), t.fairReceived(), tradeAt);
    assertThat(drift.breakdown().rollCost().toDouble()).isCloseTo(-0.001 * t.fairGiven().toDouble(),
        org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void whenNoRollFillsTheAgentHoldsToSettlementRedeemsAndReEnters() {
    TokenBook book = new TokenBook();
    ReportedResolutions oracle = new ReportedResolutions();
    OptionsLedger ledger = new OptionsLedger(book, oracle);
    FairVenue venue = new FairVenue(ledger, Price.of(2500), 0.8, 0.0);
    venue.stopFilling();
    AccountId holder = AccountId.of("holder");
    Series first = Series.pn(IndexId.ETH_USD, HELD.strike(), HELD.maturity());
    ledger.list(first);
    ledger.deposit(holder, Amount.of(2));
    ledger.split(holder, first.id(), Amount.of(2), T0);
    AgentConfig config = new AgentConfig(KyrruiTracker.defaults(), 1, Duration.ofHours(6), Duration.ZERO,
        Mechanism.DUTCH_AUCTION, Duration.ofHours(1));
    LocalAgent agent = new LocalAgent(config, SURFACE, holder, IndexId.ETH_USD, Optional.of(HELD));
    FixedView view = FixedView.of("2500");
    SplittableRandom rng = new SplittableRandom(5);
    Instant t = T0.plus(Duration.ofDays(22));
    agent.step(t, view, rng, venue, ledger);
    List<AgentEvent> tried = agent.step(t, view, rng, venue, ledger);
    assertThat(tried.get(1)).isInstanceOf(AgentEvent.Unfilled.class);
    assertThat(agent.held()).contains(HELD);
    // at maturity the oracle is not final yet: the agent waits
    assertThat(agent.step(HELD.maturity(), view, rng, venue, ledger)).noneMatch(e -> e instanceof AgentEvent.Redeemed);
    oracle.report(first, new noliq.options.Resolution.Value(Price.of(2500)));
    List<AgentEvent> after = agent.step(HELD.maturity().plusSeconds(86_400), view, rng, venue, ledger);
    AgentEvent.Redeemed r = (AgentEvent.Redeemed) after.get(0);
    assertThat(r.eth()).isEqualTo(Amount.of(1)); // 2 P × 1250/2500
    assertThat(agent.held()).isEmpty();
    venue.startFilling();
    List<AgentEvent> reentry = agent.step(HELD.maturity().plusSeconds(2 * 86_400), view, rng, venue, ledger);
    AgentEvent.Traded traded = (AgentEvent.Traded) reentry.get(reentry.size() - 1);
    assertThat(traded.gave()).isEqualTo(noliq.math.book.Token.ETH);
    assertThat(agent.held().orElseThrow().strike()).isEqualTo(Price.of(1250));
  }

  @Test
  void theAgentAndTheVaultRunTheSamePolicyCode() {
    TokenBook book = new TokenBook();
    OptionsLedger ledger = new OptionsLedger(book, new ReportedResolutions());
    FairVenue venue = new FairVenue(ledger, Price.of(2500), 0.8, 0.0);
    ledger.deposit(AccountId.of("a"), Amount.of(1));
    WrapperVault vault = new WrapperVault(VaultConfig.of("v", KyrruiTracker.defaults()), ledger, venue, venue::observe);
    vault.deposit(AccountId.of("a"), Amount.of(1), T0);
    LocalAgent agent = new LocalAgent(AgentConfig.of(KyrruiTracker.defaults(), 1), SURFACE, AccountId.of("h"), IndexId.ETH_USD,
        vault.current());
    for (String x : new String[] {"2500", "1900", "1875", "1874", "1200"}) {
      Instant now = T0.plus(Duration.ofDays(3));
      AgentDecision d = agent.decide(now, FixedView.of(x), new SplittableRandom(1));
      venue.setSpot(Price.of(x));
      assertThat(d.decision()).contains(vault.rollDecision(now));
    }
  }

  @Test
  void theAgentTradesPatientlyOnly() {
    assertThatThrownBy(() -> new AgentConfig(KyrruiTracker.defaults(), 3, Duration.ofHours(1), Duration.ZERO,
        Mechanism.AMM_SWAP, Duration.ofHours(1)))
        .hasMessageStartingWith("mechanism: must be RESTING_ORDERS or DUTCH_AUCTION");
    assertThatThrownBy(() -> AgentConfig.of(KyrruiTracker.defaults(), 0)).hasMessage("k: must be at least 1 (was 0)");
  }
}
