package noliq.wrapper.vault;

/** What the vault does with the N it splits off a deposit. */
public enum NHandling {
  /** Hand N back to the depositor (Kyrrui's TrackerDAO never holds N). */
  RETURN_TO_DEPOSITOR,
  /** Sell N through the roll venue for more P of the same series, so the depositor gets shares only. */
  SELL
}
