package noliq.node.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.options.SeriesId;

/**
 * The node's one JSON mapping. Money leaves as exact decimal strings ({@code "1.5"}), never as a
 * double; accounts, tokens and series as their names; times as ISO-8601 UTC. Unknown properties are
 * refused, so a misspelt field is a 400, not a silent default.
 */
public final class Json {
  private Json() {}

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(module())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private static SimpleModule module() {
    SimpleModule m = new SimpleModule("noliq");
    m.addSerializer(Amount.class, string(Amount::toString));
    m.addSerializer(Price.class, string(Price::toString));
    m.addSerializer(AccountId.class, string(AccountId::name));
    m.addSerializer(Token.class, string(Token::symbol));
    m.addSerializer(SeriesId.class, string(SeriesId::hex));
    m.addSerializer(Instant.class, string(Instant::toString));
    return m;
  }

  private static <T> JsonSerializer<T> string(java.util.function.Function<T, String> f) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(f.apply(value));
      }
    };
  }

  public static byte[] bytes(Object o) {
    try {
      return MAPPER.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  public static String text(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
