package noliq.lab.study.options;

import java.time.Duration;
import java.util.List;
import noliq.market.roll.MarketReaction;
import noliq.market.roll.RollAssumptions;
import noliq.market.roll.RollAssumptions.Assumption;
import noliq.math.RuleViolation;
import noliq.oracle.feeds.SourceModel;
import noliq.oracle.optimistic.OptimisticConfig;
import noliq.oracle.vote.VoteConfig;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.venue.MakerInventory;

/**
 * Every stated parameter of the options side of the study, with its source. Market sizes, spreads,
 * edges and pool depth are the roll-cost study's {@link RollAssumptions} (one concept, one place);
 * this adds what the study itself needs.
 *
 * @param market the roll markets: maker count, spreads, edges, inventory, pool depth, auction ramp, flow
 * @param makerVol the 30-day at-the-money level of a world without a path (the study's paths carry their own)
 * @param targetUsd the USD value of P the wrapper (vault or agent) holds at the start
 * @param nHolderUsd the USD the N holder starts with
 * @param makerOutageProbability the chance that no maker watches a given roll (drawn per roll)
 * @param disputeProbability the chance that a settlement's first proposal is wrong and disputed (drawn per settlement)
 * @param liveness the optimistic oracle's liveness window
 * @param voteDuration the length of one vote round (commit, then reveal, half each) on VotingV2's fixed grid
 * @param ruinLoss the N holder's loss, as a fraction of its start, that counts as ruin
 * @param agentSources the local agent's n private sources; it reads {@code agentK} of them
 * @param agentK how many sources each reading asks
 * @param settlement the settlement oracle's game: vote stake, turnout, bribe cost, open interest, attacker
 * @param impliedVol the fitted constants a path's implied-vol level is read with (variance risk premium, the
 *     mapping from realised vol, the long-run level, DVOL on history): inputs, overridden and swept by name
 * @param inventory how long makers carry what they trade with a roll, and how much of its delta they hedge
 */
public record OptionsAssumptions(
    RollAssumptions market, double makerVol, double targetUsd, double nHolderUsd, double makerOutageProbability,
    double disputeProbability, Duration liveness, Duration voteDuration, double ruinLoss, List<SourceModel> agentSources,
    int agentK, SettlementGame settlement, noliq.lab.scenarios.ImpliedVolParameters impliedVol,
    MakerInventory.Rule inventory) {

  public static final OptionsAssumptions DEFAULTS = new OptionsAssumptions(
      RollAssumptions.DEFAULTS, 0.8, 100_000, 100_000, 0.02, 0.05, OptimisticConfig.UMA_DEFAULT_LIVENESS,
      VoteConfig.uma(noliq.math.Amount.ONE).roundLength(),
      0.5, dozenSources(), 5, SettlementGame.DEFAULTS, noliq.lab.scenarios.ImpliedVolParameters.DEFAULTS,
      MakerInventory.Rule.DEFAULT);

  public OptionsAssumptions {
    if (market == null) {
      throw new RuleViolation("market", "is required");
    }
    positive("makerVol", makerVol);
    positive("targetUsd", targetUsd);
    positive("nHolderUsd", nHolderUsd);
    probability("makerOutageProbability", makerOutageProbability);
    probability("disputeProbability", disputeProbability);
    if (liveness == null || liveness.isNegative() || liveness.isZero()) {
      throw new RuleViolation("liveness", "must be positive (was " + liveness + ")");
    }
    if (voteDuration == null || voteDuration.toSeconds() < 2 || voteDuration.toSeconds() % 2 != 0 || voteDuration.getNano() != 0) {
      throw new RuleViolation("voteDuration", "must be a positive even number of whole seconds: two equal phases (was "
          + voteDuration + ")");
    }
    if (settlement == null) {
      throw new RuleViolation("settlement", "is required");
    }
    if (impliedVol == null) {
      throw new RuleViolation("impliedVol", "is required");
    }
    if (inventory == null) {
      throw new RuleViolation("inventory", "is required");
    }
    if (!(ruinLoss > 0 && ruinLoss <= 1)) {
      throw new RuleViolation("ruinLoss", "must be in (0, 1] (was " + ruinLoss + ")");
    }
    if (agentSources == null || agentSources.isEmpty()) {
      throw new RuleViolation("agentSources", "at least one source is required");
    }
    agentSources = List.copyOf(agentSources);
    if (agentK < 1 || agentK > agentSources.size()) {
      throw new RuleViolation("agentK", "must be in [1, " + agentSources.size() + "] (was " + agentK + ")");
    }
  }

  /**
   * "A dozen financial news sites": 12 sources, each quoting the true price with 0.2% noise, 1 to 6
   * minutes stale (one more minute per pair), failing 2% of reads.
   */
  static List<SourceModel> dozenSources() {
    return sources(12);
  }

  /** {@code n} sources built as the dozen are: 0.2% noise, 1 minute stale plus one a pair, failing 2% of reads. */
  public static List<SourceModel> sources(int n) {
    if (n < 1 || n > 1000) {
      throw new RuleViolation("agentSources", "must be between 1 and 1000 (was " + n + ")");
    }
    List<SourceModel> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new SourceModel("source-" + (i + 1), 0.002, Duration.ofMinutes(1 + i / 2), 0.02));
    }
    return out;
  }

  public OptionsAssumptions withMakerOutageProbability(double p) {
    return new OptionsAssumptions(market, makerVol, targetUsd, nHolderUsd, p, disputeProbability, liveness, voteDuration,
        ruinLoss, agentSources, agentK, settlement, impliedVol, inventory);
  }

  public OptionsAssumptions withDisputeProbability(double p) {
    return new OptionsAssumptions(market, makerVol, targetUsd, nHolderUsd, makerOutageProbability, p, liveness,
        voteDuration, ruinLoss, agentSources, agentK, settlement, impliedVol, inventory);
  }

  public OptionsAssumptions withMarket(RollAssumptions m) {
    return new OptionsAssumptions(m, makerVol, targetUsd, nHolderUsd, makerOutageProbability, disputeProbability,
        liveness, voteDuration, ruinLoss, agentSources, agentK, settlement, impliedVol, inventory);
  }

  /**
   * These assumptions as a design that rolls by {@code mechanism} reads them: the other mechanisms'
   * own terms set to their defaults. An AMM's are the pools' depth and fees (and their rule against
   * vol); an auction's its edge, ramp, the makers' polling and the edges they require to take (read
   * nowhere else); a book's the patience and the natural flow (and its rule against vol). The makers'
   * half-spread and inventory, their count, their error on the surface and the chance that none
   * watches a roll are read by the auction and the book, never by an AMM design (no maker trades in the
   * pools, and an AMM roll draws no maker; {@link OptionsMarket#drawMakers}). Two parameter sets that differ only in another mechanism's terms
   * give the design equal values here, so a sweep of such a term runs it once
   * ({@link noliq.lab.study.DesignCatalog#inputs}); {@code InputsByMechanismTest} changes every
   * foreign term and checks that no figure moves.
   */
  public OptionsAssumptions readBy(Mechanism mechanism) {
    RollAssumptions d = RollAssumptions.DEFAULTS;
    RollAssumptions a = market;
    boolean amm = mechanism == Mechanism.AMM_SWAP;
    boolean auction = mechanism == Mechanism.DUTCH_AUCTION;
    boolean book = mechanism == Mechanism.RESTING_ORDERS;
    MarketReaction r = a.reaction();
    MarketReaction dr = d.reaction();
    MarketReaction reaction = new MarketReaction(r.putSkew(), r.callSkew(), r.wingCap(), r.termMeanReversionPerYear(),
        r.longRunVol(), r.volOfVolWeight(), r.ivHalfSpreadAtOneDay(), r.tickEth(), r.capacityCut(), amm ? dr.makerVolErrorSd() : r.makerVolErrorSd(),
        book ? r.flowVolElasticity() : dr.flowVolElasticity(), book ? r.flowImbalancePerVol() : dr.flowImbalancePerVol(),
        amm ? r.ammDepthVolExponent() : dr.ammDepthVolExponent(), amm ? r.ammFeeVolExponent() : dr.ammFeeVolExponent());
    OptionsAssumptions read = amm ? withMakerOutageProbability(DEFAULTS.makerOutageProbability()) : this;
    return read.withMarket(new RollAssumptions(
        amm ? a.ammPoolDepthUsd() : d.ammPoolDepthUsd(),
        amm ? a.ammBaseFeePips() : d.ammBaseFeePips(),
        amm ? a.ammFinalFeePips() : d.ammFinalFeePips(),
        amm ? a.ammFeeRampWindow() : d.ammFeeRampWindow(),
        auction ? a.auctionEdgePips() : d.auctionEdgePips(),
        auction ? a.auctionRamp() : d.auctionRamp(),
        auction ? a.makerPollInterval() : d.makerPollInterval(),
        amm ? d.makerCount() : a.makerCount(),
        amm ? d.makerHalfSpreadBps() : a.makerHalfSpreadBps(),
        auction ? a.makerMinEdgeBps() : d.makerMinEdgeBps(),
        auction ? a.makerMaxEdgeBps() : d.makerMaxEdgeBps(),
        amm ? d.makerInventoryUsd() : a.makerInventoryUsd(),
        book ? a.patience() : d.patience(),
        book ? a.naturalFlowUsdPerDay() : d.naturalFlowUsdPerDay(),
        book ? a.flowInterval() : d.flowInterval(),
        reaction));
  }

  public OptionsAssumptions withSettlement(SettlementGame g) {
    return new OptionsAssumptions(market, makerVol, targetUsd, nHolderUsd, makerOutageProbability, disputeProbability,
        liveness, voteDuration, ruinLoss, agentSources, agentK, g, impliedVol, inventory);
  }

  public OptionsAssumptions withImpliedVol(noliq.lab.scenarios.ImpliedVolParameters p) {
    return new OptionsAssumptions(market, makerVol, targetUsd, nHolderUsd, makerOutageProbability, disputeProbability,
        liveness, voteDuration, ruinLoss, agentSources, agentK, settlement, p, inventory);
  }

  public OptionsAssumptions withInventory(MakerInventory.Rule rule) {
    return new OptionsAssumptions(market, makerVol, targetUsd, nHolderUsd, makerOutageProbability, disputeProbability,
        liveness, voteDuration, ruinLoss, agentSources, agentK, settlement, impliedVol, rule);
  }

  /**
   * The study's own assumptions with their sources, in print order (the market's are
   * {@link RollAssumptions#describe()}), the settlement game's last.
   */
  public List<Assumption> describe() {
    List<Assumption> out = new java.util.ArrayList<>(own());
    out.addAll(settlement.describe());
    return List.copyOf(out);
  }

  private List<Assumption> own() {
    String none = "assumption: no published figure; vary it";
    List<Assumption> out = new java.util.ArrayList<>();
    for (String[] iv : noliq.lab.scenarios.ImpliedVol.describe(impliedVol)) {
      out.add(new Assumption(iv[0], iv[1], iv[2]));
    }
    out.addAll(List.of(
        new Assumption("makerVol", Double.toString(makerVol), "only without a path (unit tests): the study's marks, "
            + "makers, fair values and the local agent read the path's surface at the current time, at each option's "
            + "own strike and maturity"),
        new Assumption("targetUsd", String.format("%.0f", targetUsd), none + "; AMM cost grows with size / pool depth"),
        new Assumption("nHolderUsd", String.format("%.0f", nHolderUsd), none),
        new Assumption("makerOutageProbability", Double.toString(makerOutageProbability), none
            + "; an unwatched auction expires and the vault holds to settlement (Kyrrui's fallback)"),
        new Assumption("disputeProbability", Double.toString(disputeProbability), none
            + "; a wrong first proposal (twice the truth), disputed: it goes to the vote"),
        new Assumption("liveness", liveness.toString(), "UMA OptimisticOracleV2 default liveness (2 hours)"),
        new Assumption("voteDuration", voteDuration.toString(), "UMA DVM 2.0: a round is a 24-hour commit + 24-hour "
            + "reveal, on a fixed grid: a dispute first waits for the next round (0-48 h)"),
        new Assumption("ruinLoss", Double.toString(ruinLoss), "the issue: ruin = N expires worthless or loses at least "
            + "this fraction"),
        new Assumption("agentSources", agentSources.size() + " sources, k = " + agentK, "the post: \"queries a dozen "
            + "financial news sites ... and takes the median\"; noise, delay, failure: " + none),
        new Assumption("marking", "daily (every step on paths shorter than 64 days: span / 64)",
            "fair value = Black-Scholes mark (InverseOptions) on the path's surface at each series' strike and maturity"),
        new Assumption("makerInventory", String.format("each maker fill opens a lot held %.1f h (or to its legs' "
            + "maturity if sooner), %.0f%% of its spot delta hedged with ETH at the fill, then unwound at fair value "
            + "(makerUnwindHorizon, makerHedgeShare)", inventory.horizon().toMinutes() / 60.0, 100 * inventory.hedgeShare()),
            none + "; the lot is marked on the path's surface, so makers' inventory loss is measured; their committed "
            + "capital is the peak fair value of what they paid for the lots open at once (the ledger has no margin: "
            + "a position is funded in full)"),
        new Assumption("makerNoise", "each maker's relative error on the surface's level, normal with sd "
            + "makerVolErrorSd, drawn per roll from the path's generator", "makers value on their own estimates")));
    return List.copyOf(out);
  }

  private static void positive(String field, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new RuleViolation(field, "must be positive (was " + v + ")");
    }
  }

  private static void probability(String field, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new RuleViolation(field, "must be in [0, 1] (was " + p + ")");
    }
  }
}
