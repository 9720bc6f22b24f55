package noliq.node.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 description, generated from the route table that registers the routes and from
 * the command records themselves (a POST body is its command's fields but {@code account}), so the
 * two cannot drift apart; {@code OpenApiTest} checks it against the server's real routes.
 */
final class OpenApi {
  private OpenApi() {}

  static Map<String, Object> document(List<Api.Route> routes) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of("title", "noliq market node", "version", "1",
        "description", "The P/N options market, its oracle, the wrapper vault and an Aave pool, as one journaled "
            + "market. Amounts and prices are exact decimal strings (18 decimals). Every POST needs an "
            + "Idempotency-Key header; acting needs an API key (X-Api-Key). 400: bad input, naming the field and "
            + "the rule; 422: refused by a market rule, nothing changed; 429: over the rate limit."));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Api.Route r : routes) {
      String path = r.path();
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, k -> new LinkedHashMap<>());
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("summary", r.summary());
      op.put("operationId", (r.method() + path).replaceAll("[^A-Za-z0-9]+", "_"));
      List<Map<String, Object>> params = new ArrayList<>();
      for (String p : List.of("series", "leg")) {
        if (path.contains("{" + p + "}")) {
          params.add(Map.of("name", p, "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
      }
      if (r.method().equals("POST")) {
        params.add(Map.of("name", "Idempotency-Key", "in", "header", "required", true,
            "schema", Map.of("type", "string", "maxLength", 64)));
      }
      if (r.auth()) {
        op.put("security", List.of(Map.of("apiKey", List.of())));
      }
      if (!params.isEmpty()) {
        op.put("parameters", params);
      }
      if (r.command() != null) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Map<String, Object> props = fields(Api.commandClass(r.command()));
        schema.put("properties", props);
        List<String> required = props.keySet().stream().filter(k -> !k.equals("tif")).toList();
        if (!required.isEmpty()) {
          schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        op.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", schema))));
      }
      if (path.equals(Api.BATCH_PATH)) {
        List<String> types = routes.stream().map(Api.Route::command).filter(java.util.Objects::nonNull).toList();
        Map<String, Object> item1 = Map.of("type", "object", "required", List.of("type"), "properties",
            Map.of("type", Map.of("type", "string", "enum", types)),
            "description", "a command: its type and that POST route's body fields");
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("commands"), "additionalProperties", false,
            "properties", Map.of("commands", Map.of("type", "array", "minItems", 1, "maxItems", Api.BATCH_MAX,
                "items", item1)));
        op.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", schema))));
      }
      Map<String, Object> responses = new LinkedHashMap<>();
      responses.put("200", Map.of("description", "OK", "content", Map.of(
          path.equals("/api/events") ? "text/event-stream" : "application/json", Map.of("schema", Map.of("type", "object")))));
      if (r.method().equals("POST")) {
        responses.put("400", error("bad input: the field and the rule it broke; nothing changed"));
        responses.put("422", error("refused by a market rule; nothing changed"));
        responses.put("429", error("over the rate limit"));
      }
      if (r.auth()) {
        responses.put("401", error("no or unknown API key"));
      }
      op.put("responses", responses);
      item.put(r.method().toLowerCase(), op);
    }
    doc.put("paths", paths);
    doc.put("components", Map.of(
        "securitySchemes", Map.of("apiKey", Map.of("type", "apiKey", "in", "header", "name", "X-Api-Key")),
        "schemas", Map.of("Error", Map.of("type", "object", "properties", Map.of(
            "field", Map.of("type", "string"), "rule", Map.of("type", "string"), "error", Map.of("type", "string"))))));
    return doc;
  }

  private static Map<String, Object> error(String description) {
    return Map.of("description", description, "content", Map.of("application/json",
        Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
  }

  /** A command's body fields: every record component but {@code account}, with its JSON type. */
  static Map<String, Object> fields(Class<?> command) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : command.getRecordComponents()) {
      if (c.getName().equals("account")) {
        continue;
      }
      Class<?> t = c.getType();
      out.put(c.getName(), Map.of("type", t == long.class || t == int.class ? "integer" : "string"));
    }
    return out;
  }
}
