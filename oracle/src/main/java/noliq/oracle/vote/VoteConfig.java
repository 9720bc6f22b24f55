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
 * @param gat the Global Agreement Threshold: the revealed stake must be strictly greater (UMA: 5M UMA)
 * @param spatWad the Schelling Point Activation Threshold, at 18 decimals: the modal answer's votes must be
 *     strictly greater than {@code floor(spat × cumulative stake)}, the stake frozen for the round: a share of
 *     all staked tokens, not of the revealed ones (VotingV2._freezeRoundVariables; UMA: raised from 50% to 65%)
 * @param maxRolls how many times a question may roll; it is deleted when its roll count exceeds this
 *     ({@code rollCount > maxRolls}, VotingV2._shouldDeleteRequest), so it is voted on in at most
 *     {@code maxRolls + 1} rounds (mainnet: 4, so 5 rounds)
 * @param wrongVoteSlashWad the share of a wrong voter's stake slashed, at 18 decimals (mainnet's
 *     FixedSlashSlashingLibrary: 0.001)
 * @param noVoteSlashWad the share of a non-voter's stake slashed, at 18 decimals (0.001 as well)
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
  /** Mainnet's fixed slash per missed or wrong vote: 0.1% of stake (0.0016 is another chain's setting). */
  public static final BigInteger UMA_SLASH = new BigInteger("1000000000000000");
  /** Mainnet's maxRolls: a request rolls at most 4 times, so it is voted on in at most 5 rounds. */
  public static final int UMA_MAX_ROLLS = 4;

  public VoteConfig {
    Require.positive(commitPhase, "commitPhase");
    Require.positive(revealPhase, "revealPhase");
    if (commitPhase.plus(revealPhase).toSeconds() < 1 || commitPhase.getNano() != 0 || revealPhase.getNano() != 0) {
      throw new noliq.oracle.OracleException(new noliq.oracle.OracleError.OutOfRange("phases",
          "whole seconds (rounds sit on a grid of whole seconds since the epoch)", commitPhase + " + " + revealPhase));
    }
    Require.present(gat, "gat");
    Require.fractionWad(spatWad, "spat");
    Require.atLeast(maxRolls, 0, "maxRolls");
    Require.fractionWad(wrongVoteSlashWad, "wrongVoteSlash");
    Require.fractionWad(noVoteSlashWad, "noVoteSlash");
  }

  /** UMA DVM 2.0 on mainnet: 24 h + 24 h, GAT as given, SPAT 65%, maxRolls 4 (5 rounds), 0.1% slashing. */
  public static VoteConfig uma(Amount gat) {
    return new VoteConfig(UMA_PHASE, UMA_PHASE, gat, UMA_SPAT, UMA_MAX_ROLLS, UMA_SLASH, UMA_SLASH);
  }

  /** One round: commit then reveal. */
  public Duration roundLength() {
    return commitPhase.plus(revealPhase);
  }

  /** The number of rounds a question can be voted on before it is deleted: {@code maxRolls + 1}. */
  public int maxRounds() {
    return maxRolls + 1;
  }

  public VoteConfig withMaxRolls(int rolls) {
    return new VoteConfig(commitPhase, revealPhase, gat, spatWad, rolls, wrongVoteSlashWad, noVoteSlashWad);
  }

  public VoteConfig withGat(Amount newGat) {
    return new VoteConfig(commitPhase, revealPhase, newGat, spatWad, maxRolls, wrongVoteSlashWad, noVoteSlashWad);
  }

  public VoteConfig withSpat(BigInteger newSpatWad) {
    return new VoteConfig(commitPhase, revealPhase, gat, newSpatWad, maxRolls, wrongVoteSlashWad, noVoteSlashWad);
  }
}
