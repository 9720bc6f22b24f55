package noliq.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One spelling for every choice on the command line: lower case with hyphens, as the design ids
 * are ({@code resting-orders}, not {@code RESTING_ORDERS}). The old spellings (the enum constant in
 * any case) are still accepted, with a one-line deprecation note on stderr. Each choice type gets a
 * converter and a candidates list (for {@code ${COMPLETION-CANDIDATES}} in help and shell
 * completion) by subclassing the two classes here with a no-argument constructor.
 */
final class Choices {
  private static final ThreadLocal<List<String>> NOTES = ThreadLocal.withInitial(ArrayList::new);

  private Choices() {}

  /** The one spelling of a constant: {@code RESTING_ORDERS} is {@code resting-orders}. */
  static String id(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> List<String> ids(Class<E> type) {
    List<String> out = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      out.add(id(e));
    }
    return out;
  }

  /** Parses {@code value} as a constant of {@code type}; {@code option} only names it in the deprecation note. */
  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    String v = value.strip();
    for (E e : type.getEnumConstants()) {
      if (id(e).equals(v)) {
        return e;
      }
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v) || id(e).equalsIgnoreCase(v)) {
        NOTES.get().add("'" + value + "' is an old spelling, deprecated: write '" + id(e) + "'");
        return e;
      }
    }
    throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", ids(type)));
  }

  /** The deprecation notes the parse of this thread collected, cleared. */
  static List<String> drainNotes() {
    List<String> notes = List.copyOf(NOTES.get());
    NOTES.get().clear();
    return notes;
  }

  /** A converter for {@code type}: subclass with a no-argument constructor. */
  abstract static class Converter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    Converter(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      return parse(type, value);
    }
  }

  /** The valid values of {@code type}, as shown in help and offered by completion. */
  abstract static class Candidates<E extends Enum<E>> implements Iterable<String> {
    private final Class<E> type;

    Candidates(Class<E> type) {
      this.type = type;
    }

    @Override
    public Iterator<String> iterator() {
      return ids(type).iterator();
    }
  }
}
