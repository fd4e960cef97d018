package com.mas.gateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/** The field paths of a JSON value, to compare the shape of two documents but not values. */
final class JsonFields {

  private JsonFields() {}

  /** Every field path in a JSON object, e.g. {@code candidates[].content.parts[].text}. */
  static Set<String> of(JsonObject json) {
    Set<String> paths = new TreeSet<>();
    collect("", json, paths);
    return paths;
  }

  /** The paths of {@code a} that {@code b} lacks. */
  static Set<String> missingFrom(JsonObject b, JsonObject a) {
    Set<String> missing = of(a);
    missing.removeAll(of(b));
    return missing;
  }

  private static void collect(String prefix, Object value, Set<String> paths) {
    if (value instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        String path = prefix + name;
        paths.add(path);
        collect(path + ".", object.getValue(name), paths);
      }
    } else if (value instanceof JsonArray array) {
      for (Object element : array) {
        collect(prefix.substring(0, prefix.length() - 1) + "[].", element, paths);
      }
    }
  }
}
