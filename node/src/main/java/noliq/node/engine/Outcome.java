package noliq.node.engine;

/**
 * What applying one journaled command did: accepted with its result (the protocol's events), or
 * refused by a market rule, naming the field and the rule, having changed nothing. Replaying the
 * journal gives the same outcome for every entry.
 */
public record Outcome(long seq, String type, String account, boolean accepted, String field, String rule,
    Object result, long at) {
  public static Outcome accepted(Entry e, Object result) {
    return new Outcome(e.seq(), typeOf(e.cmd()), e.cmd().account(), true, null, null, result, e.at());
  }

  public static Outcome refused(Entry e, String field, String rule) {
    return new Outcome(e.seq(), typeOf(e.cmd()), e.cmd().account(), false, field, rule, null, e.at());
  }

  static String typeOf(Command c) {
    return TYPE_NAMES.get(c.getClass());
  }

  /** Each command class's name in the journal, looked up once per class rather than per command. */
  private static final ClassValue<String> TYPE_NAMES = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      com.fasterxml.jackson.annotation.JsonSubTypes subtypes = Command.class.getAnnotation(
          com.fasterxml.jackson.annotation.JsonSubTypes.class);
      for (var t : subtypes.value()) {
        if (t.value() == type) {
          return t.name();
        }
      }
      return type.getSimpleName();
    }
  };
}
