package com.mas.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A node of the (already interpolated) YAML tree together with its path, so that every failure
 * names the field: {@code providers.openai.timeouts.firstByte}, {@code models[2].provider}. An
 * absent or null node reads as "not set": optional getters return their default and {@link
 * #mapping} accepts it as an empty section.
 */
final class ConfigNode {

  /** Names end up in metrics tags, Redis hash tags and {@code provider/model} addressing. */
  static final String IDENTIFIER_RULE =
      "a name of up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final JsonNode node;
  private final String path;

  private ConfigNode(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The document root; its children's paths are bare keys such as {@code server}. */
  static ConfigNode root(JsonNode node) {
    return new ConfigNode(node, "");
  }

  String path() {
    return path;
  }

  boolean isPresent() {
    return node != null && !node.isMissingNode() && !node.isNull();
  }

  boolean isMapping() {
    return isPresent() && node.isObject();
  }

  boolean isList() {
    return isPresent() && node.isArray();
  }

  boolean isNumber() {
    return isPresent() && node.isNumber();
  }

  /** The child under {@code key}, present or not. */
  ConfigNode get(String key) {
    JsonNode child = node == null || !node.isObject() ? null : node.get(key);
    return new ConfigNode(child, path.isEmpty() ? key : path + "." + key);
  }

  /** Checks that this is a mapping (or absent) whose keys are all in {@code known}. */
  ConfigNode mapping(String... known) {
    List<String> allowed = List.of(known);
    for (String key : entries().keySet()) {
      if (!allowed.contains(key)) {
        throw get(key).error("unknown key; expected one of " + String.join(", ", known));
      }
    }
    return this;
  }

  /** The children of a mapping in document order; empty when absent. */
  Map<String, ConfigNode> entries() {
    Map<String, ConfigNode> children = new LinkedHashMap<>();
    if (!isPresent()) {
      return children;
    }
    if (!node.isObject()) {
      throw error("expected a mapping, got " + describe());
    }
    node.fieldNames().forEachRemaining(key -> children.put(key, get(key)));
    return children;
  }

  /** The elements of a list; empty when absent. */
  List<ConfigNode> elements() {
    List<ConfigNode> elements = new ArrayList<>();
    if (!isPresent()) {
      return elements;
    }
    if (!node.isArray()) {
      throw error("expected a list, got " + describe());
    }
    for (int i = 0; i < node.size(); i++) {
      elements.add(new ConfigNode(node.get(i), path + "[" + i + "]"));
    }
    return elements;
  }

  /** A required string. */
  String text() {
    if (!isPresent()) {
      throw error("required");
    }
    if (!node.isTextual()) {
      throw error("expected a string, got " + describe());
    }
    return node.textValue();
  }

  /** A required string that may be a credential: a wrong type is named by kind, not echoed. */
  String secretText() {
    if (isPresent() && !node.isTextual()) {
      throw error("expected a string, got " + (node.isNumber() ? "a number" : "a " + kind()));
    }
    return text();
  }

  /** A required string that is not blank. */
  String nonBlankText() {
    String value = text();
    if (value.isBlank()) {
      throw error("must not be empty");
    }
    return value;
  }

  /**
   * A required name: letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or
   * digit.
   */
  String identifier() {
    String value = text();
    if (!isIdentifier(value)) {
      throw error("expected " + IDENTIFIER_RULE + ", got " + Scalars.quote(value));
    }
    return value;
  }

  static boolean isIdentifier(String value) {
    return IDENTIFIER.matcher(value).matches();
  }

  Optional<String> optionalText() {
    return isPresent() ? Optional.of(text()) : Optional.empty();
  }

  /** A whole number within {@code [min, max]}, as a YAML number or a string from a variable. */
  long integer(long fallback, long min, long max) {
    if (!isPresent()) {
      return fallback;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return Scalars.inRange(node.asLong(), path, min, max);
    }
    if (node.isNumber()) {
      throw error("expected a whole number between " + min + " and " + max + ", got " + describe());
    }
    return Scalars.integer(scalarText("expected a number"), path, min, max);
  }

    int port(int fallback) {
    return (int) integer(fallback, 0, 65_535);
  }

  boolean bool(boolean fallback) {
    if (!isPresent()) {
      return fallback;
    }
    return node.isBoolean()
        ? node.booleanValue()
        : Scalars.bool(scalarText("expected true or false"), path);
  }

  /** A duration of zero or more; {@code fallback} (possibly null) when absent. */
  Duration duration(Duration fallback) {
    if (!isPresent()) {
      return fallback;
    }
    return Scalars.duration(scalarText("expected a duration like 30s"), path);
  }

  /** A duration greater than zero; {@code fallback} (possibly null) when absent. */
  Duration positiveDuration(Duration fallback) {
    Duration value = duration(fallback);
    if (value != null && value.isZero()) {
      throw error("must be greater than zero, got " + Scalars.quote(node.textValue()));
    }
    return value;
  }

  /** A byte size greater than zero and at most {@code max}; {@code fallback} when absent. */
  long positiveBytes(long fallback, long max) {
    if (!isPresent()) {
      return fallback;
    }
    long value =
        node.isIntegralNumber()
            ? node.asLong()
            : Scalars.bytes(scalarText("expected a size like 4MiB, 512KiB or 1048576"), path);
    if (value <= 0) {
      throw error("must be greater than zero, got " + describe());
    }
    if (value > max) {
      throw error("must be at most " + max + " bytes, got " + describe());
    }
    return value;
  }

  /**
   * A required decimal number, exactly as written: a YAML number (read as a {@code BigDecimal},
   * see {@link ConfigLoader}) or a string such as {@code "5.00"}.
   */
  BigDecimal decimal() {
    if (!isPresent()) {
      throw error("required");
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    String text = scalarText("expected a number").trim();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw error("expected a number, got " + describe());
    }
  }

  /** A failure of this node: {@code <path>: <problem>}. */
  ConfigException error(String problem) {
    return new ConfigException(path.isEmpty() ? "(root)" : path, problem);
  }

  private String scalarText(String expectation) {
    if (!node.isTextual()) {
      throw error(expectation + ", got " + describe());
    }
    return node.textValue();
  }

  /** The value as a message shows it; containers by kind only, so no nested secret leaks. */
  private String describe() {
    if (node.isContainerNode()) {
      return "a " + kind();
    }
    return node.isTextual() ? Scalars.quote(node.textValue()) : node.asText();
  }

  private String kind() {
    if (node.isObject()) {
      return "mapping";
    }
    return node.isArray() ? "list" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
