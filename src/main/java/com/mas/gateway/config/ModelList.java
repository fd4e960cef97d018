package com.mas.gateway.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a provider's {@code models} list. An entry is either an upstream model id, or a mapping
 * that names the id and declares what the model can do:
 *
 * <pre>
 * models:
 *   - gpt-4o-mini
 *   - {id: claude-sonnet-4-5, vision: true, tools: true, jsonOutput: false,
 *      contextWindow: 200000, maxOutput: 64000, defaultMaxTokens: 4096}
 * </pre>
 *
 * Undeclared features of a mapping entry default to true, undeclared limits to none.
 */
final class ModelList {

  private static final long MAX_TOKENS = 100_000_000L;

  private ModelList() {}

  static List<String> names(ConfigNode node) {
    return node.elements().stream().map(ModelList::id).toList();
  }

  static Map<String, ModelCapabilities> capabilities(ConfigNode node) {
    Map<String, ModelCapabilities> declared = new LinkedHashMap<>();
    for (ConfigNode element : node.elements()) {
      if (element.isMapping()) {
        String id = id(element);
        if (declared.put(id, capabilitiesOf(element)) != null) {
          throw element.get("id").error("model " + Scalars.quote(id) + " is declared twice");
        }
      }
    }
    return declared;
  }

  private static String id(ConfigNode element) {
    return element.isMapping() ? element.get("id").nonBlankText() : element.nonBlankText();
  }

  private static ModelCapabilities capabilitiesOf(ConfigNode element) {
    element.mapping("id", "vision", "tools", "jsonOutput", "contextWindow", "maxOutput", "defaultMaxTokens");
    long maxOutput = element.get("maxOutput").integer(0, 1, MAX_TOKENS);
    long defaultMaxTokens = element.get("defaultMaxTokens").integer(0, 1, MAX_TOKENS);
    if (maxOutput > 0 && defaultMaxTokens > maxOutput) {
      throw element.get("defaultMaxTokens").error("must not exceed maxOutput (" + maxOutput + ")");
    }
    return new ModelCapabilities(
        element.get("vision").bool(true),
        element.get("tools").bool(true),
        element.get("jsonOutput").bool(true),
        element.get("contextWindow").integer(0, 1, MAX_TOKENS),
        maxOutput,
        defaultMaxTokens);
  }
}
