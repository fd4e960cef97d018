package com.mas.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces environment references in every string scalar of a YAML tree, in place:
 *
 * <ul>
 *   <li><code>${VAR}</code> becomes the value of {@code VAR}; an unset variable is an error naming
 *       the field and the variable (a variable set to the empty string gives "").
 *   <li><code>${VAR:-default}</code> becomes the value of {@code VAR}, or {@code default} when it
 *       is unset or empty, as in POSIX shells. The default ends at the first closing brace.
 *   <li><code>$${</code> is a literal <code>${</code>.
 * </ul>
 *
 * <p>Substituted values are not scanned again, so a variable whose value contains <code>${</code>
 * is used as it is. Keys are never interpolated. Messages never repeat the string being
 * interpolated, which may hold a secret.
 */
final class EnvInterpolation {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> env;

  EnvInterpolation(Map<String, String> env) {
    this.env = env;
  }

  /** Interpolates {@code node} and everything under it; {@code path} names it in errors. */
  void apply(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(key -> applyToField(object, key, path));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        applyToElement(array, i, path + "[" + i + "]");
      }
    }
  }

  private void applyToField(ObjectNode object, String key, String parentPath) {
    String path = parentPath.isEmpty() ? key : parentPath + "." + key;
    JsonNode child = object.get(key);
    if (child.isTextual()) {
      object.set(key, TextNode.valueOf(interpolate(child.textValue(), path)));
    } else {
      apply(child, path);
    }
  }

  private void applyToElement(ArrayNode array, int index, String path) {
    JsonNode child = array.get(index);
    if (child.isTextual()) {
      array.set(index, TextNode.valueOf(interpolate(child.textValue(), path)));
    } else {
      apply(child, path);
    }
  }

  /** One string with every reference replaced. */
  String interpolate(String text, String path) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          throw new ConfigException(
              path, "unterminated ${ (no closing brace); write $${ for a literal ${");
        }
        out.append(resolve(text.substring(i + 2, end), path));
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private String resolve(String reference, String path) {
    int separator = reference.indexOf(":-");
    String name = separator < 0 ? reference : reference.substring(0, separator);
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException(
          path, "invalid variable name " + Scalars.quote(name) + " in ${...}");
    }
    String value = env.get(name);
    if (separator >= 0) {
      return value == null || value.isEmpty() ? reference.substring(separator + 2) : value;
    }
    if (value == null) {
      throw new ConfigException(
          path,
          "environment variable "
              + name
              + " is not set (write ${"
              + name
              + ":-default} to give a default)");
    }
    return value;
  }
}
