package noliq.wrapper.policy;

/** A policy's answer: hold what is held, or roll (or enter) into a target, with the reason. */
public sealed interface RollDecision {
  String reason();

  /** Keep the position; nothing is due. */
  record Hold(String reason) implements RollDecision {}

  /** Buy {@code to}; {@code trigger} says why now. From nothing when {@code trigger} is ENTRY. */
  record Roll(Target to, Trigger trigger, String reason) implements RollDecision {}

  default boolean rolls() {
    return this instanceof Roll;
  }
}
