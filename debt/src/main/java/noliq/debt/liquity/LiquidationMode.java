package noliq.debt.liquity;

/** Which of Liquity's liquidation cases applied (TroveManager's normal and Recovery Mode branches). */
public enum LiquidationMode {
  /** ICR below MCR: offset against the pool as far as it goes, redistribute the rest. */
  NORMAL,
  /** Recovery Mode, ICR at or below 100 %: everything is redistributed, nothing offset. */
  RECOVERY_UNDER_100,
  /** Recovery Mode, MCR ≤ ICR < TCR and the pool covers the debt: collateral capped at debt · MCR / price. */
  RECOVERY_CAPPED
}
