package noliq.oracle.vote;

import java.math.BigInteger;
import java.time.Duration;
import noliq.math.Amount;
import noliq.oracle.Require;

/**
 * The parameters of the token-weighted vote, with UMA DVM 2.0's values as defaults.
 *
 * @param commitPhase how long voters may commit (UMA: 24 h)
 * @param revealPhase how long voters may reveal after the commit phase (UMA: 24 h)
 * @param gat the Global Agreement Threshold: the revealed stake a round needs to count (UMA: 5M UMA)
 * @param spatWad the Schelling Point Activation Threshold: the share of the revealed stake the
 *     winning answer needs, at 18 decimals (UMA: raised from 50% to 65%)
 * @param maxRolls how many times a question may roll to the next round; a miss after that deletes
 *     it (UMA: 5 in the anchors' figures)
 * @param wrongVoteSlashWad the share of a wrong voter's stake slashed, at 18 decimals (UMA's
 *     SlashingLibrary: 0.0016)
 * @param noVoteSlashWad the share of a non-voter's stake slashed, at 18 decimals (0.0016 as well)
 */
public record VoteConfig(
    Duration commitPhase,
    Duration revealPhase,
    Amount gat,
    BigInteger spatWad,
    int maxRolls,
    BigInteger wrongVoteSlashWad,
    BigInteger noVoteSlashWad) {

  public static final Duration UMA_PHASE = Duration.ofHours(24);
  public static final BigInteger UMA_SPAT = new BigInteger("650000000000000000");
  public static final BigInteger UMA_SLASH = new BigInteger("1600000000000000");
  public static final int UMA_MAX_ROLLS = 5;

  public VoteConfig {
    Require.positive(commitPhase, "commitPhase");
    Require.positive(revealPhase, "revealPhase");
    Require.present(gat, "gat");
    Require.fractionWad(spatWad, "spat");
    Require.atLeast(maxRolls, 0, "maxRolls");
    Require.fractionWad(wrongVoteSlashWad, "wrongVoteSlash");
    Require.fractionWad(noVoteSlashWad, "noVoteSlash");
  }

  /** UMA DVM 2.0: 24 h + 24 h, GAT as given, SPAT 65%, 5 rolls, 0.16% slashing. */
  public static VoteConfig uma(Amount gat) {
    return new VoteConfig(UMA_PHASE, UMA_PHASE, gat, UMA_SPAT, UMA_MAX_ROLLS, UMA_SLASH, UMA_SLASH);
  }

  /** One round: commit then reveal. */
  public Duration roundLength() {
    return commitPhase.plus(revealPhase);
  }

  public VoteConfig withGat(Amount newGat) {
    return new VoteConfig(commitPhase, revealPhase, newGat, spatWad, maxRolls, wrongVoteSlashWad, noVoteSlashWad);
  }

  public VoteConfig withSpat(BigInteger newSpatWad) {
    return new VoteConfig(commitPhase, revealPhase, gat, newSpatWad, maxRolls, wrongVoteSlashWad, noVoteSlashWad);
  }
}
