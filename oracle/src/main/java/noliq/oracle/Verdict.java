package noliq.oracle;

/** What an arbitration backstop decided about an escalated question. */
public sealed interface Verdict {
  /** The backstop settled on an answer (possibly {@link Answer#INVALID}). */
  record Decided(Answer answer) implements Verdict {}

  /** The backstop gave up: the vote rolled too often and the request was deleted. */
  record Deleted(int rounds) implements Verdict {}
}
