package noliq.math;

/**
 * An input or operation broke a rule, so nothing was changed. Every rejection in noliq is one of
 * these: it names the field (or parameter) at fault and the rule it broke, in one line that can be
 * shown to a user as is. Each protocol module refines it with a typed reason.
 */
public class RuleViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  public RuleViolation(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
    this.rule = rule;
  }

  /**
   * A refusal that is an expected answer of a protocol rather than a fault, built without a stack
   * trace: a simulated crash meets thousands of them a path (a Dog whose Hole is full refuses every
   * bark until an auction ends), and filling in the trace cost more than the operation it answered.
   * The typed reason and the field still say where it came from.
   */
  protected RuleViolation(String field, String rule, boolean withStackTrace) {
    super(field + ": " + rule, null, true, withStackTrace);
    this.field = field;
    this.rule = rule;
  }

  /** The field, option or parameter at fault. */
  public String field() {
    return field;
  }

  /** The rule that was broken, phrased so that {@code field + ": " + rule} reads as a sentence. */
  public String rule() {
    return rule;
  }
}
