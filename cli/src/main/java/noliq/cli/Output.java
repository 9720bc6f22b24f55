package noliq.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The {@code --json} option, mixed into every command that prints results. A command builds one
 * result value (a record or a map) and hands it here with a renderer for people; with
 * {@code --json} the same value is printed as JSON instead, so both views show the same numbers.
 */
public final class Output {
  /** Shared, configured once: ordered keys, pretty printing, no failure on empty beans. */
  public static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  public boolean json() {
    return json;
  }

  /** Prints {@code result} as JSON when {@code --json} was given, else through {@code human}. */
  public <T> void print(PrintWriter out, T result, Consumer<T> human) {
    if (json) {
      out.println(toJson(result));
    } else {
      human.accept(result);
    }
    out.flush();
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
