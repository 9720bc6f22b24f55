package noliq.math.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;

/**
 * Every refusal reason of a sealed error type, built from sample values, names a field and states a
 * rule: the one line the CLI prints with exit 2 ("field: rule") must never come out empty or split.
 * Shared by the protocol modules' refusal-text tests through this module's test jar.
 */
public final class RefusalTexts {
  private RefusalTexts() {}

  public static int checkEvery(Class<?> sealedError, Map<Class<?>, Object> moduleSamples) throws Exception {
    int checked = 0;
    for (Class<?> reason : sealedError.getPermittedSubclasses()) {
      RecordComponent[] components = reason.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        args[i] = sample(components[i], moduleSamples);
      }
      var constructor = reason.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      Object error = constructor.newInstance(args);
      String field = (String) sealedError.getMethod("field").invoke(error);
      String rule = (String) sealedError.getMethod("rule").invoke(error);
      assertThat(field).as(reason.getSimpleName() + ".field()").matches("[A-Za-z][A-Za-z0-9_.\\[\\] -]*");
      assertThat(rule).as(reason.getSimpleName() + ".rule()").isNotBlank().doesNotContain("\n");
      checked++;
    }
    return checked;
  }

  private static Object sample(RecordComponent component, Map<Class<?>, Object> moduleSamples) {
    Class<?> type = component.getType();
    if (moduleSamples.containsKey(type)) {
      return moduleSamples.get(type);
    }
    if (type == String.class) {
      return component.getName().equals("field") ? "amount" : "sample";
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    Map<Class<?>, Object> common = Map.ofEntries(
        Map.entry(Amount.class, Amount.of(3)),
        Map.entry(Price.class, Price.of(1500)),
        Map.entry(BigInteger.class, BigInteger.valueOf(7)),
        Map.entry(Token.class, Token.ETH),
        Map.entry(AccountId.class, AccountId.of("alice")),
        Map.entry(Instant.class, Instant.parse("2026-06-01T00:00:00Z")),
        Map.entry(Duration.class, Duration.ofHours(2)),
        Map.entry(Object.class, "7"),
        Map.entry(int.class, 7),
        Map.entry(long.class, 7L),
        Map.entry(double.class, 0.5),
        Map.entry(boolean.class, true));
    Object value = common.get(type);
    if (value == null) {
      throw new IllegalArgumentException("no sample for " + type + " in " + component);
    }
    return value;
  }
}
