package noliq.oracle;

/** What an arbitration backstop decided about an escalated question. */
public sealed interface Verdict {
  /** The backstop settled on an answer (possibly {@link Answer#INVALID}). */
  record Decided(Answer answer) implements Verdict {}

  /**
   * The backstop gave up: the vote rolled more than maxRolls times and the request was deleted. No
   * answer follows; an optimistic request waiting on it stays disputed.
   */
  record Deleted(int rounds) implements Verdict {}
}
