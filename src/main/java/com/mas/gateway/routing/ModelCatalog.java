package com.mas.gateway.routing;

import com.mas.gateway.api.GatewayException;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.ModelCapabilities;
import com.mas.gateway.config.ModelConfig;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.config.ProviderType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the {@code model} a client sends to a {@link Target}, in this order:
 * <ol>
 *   <li>{@code provider/model}: straight to that configured provider, model after the slash;
 *   <li>a configured model name or alias;
 *   <li>a model some provider lists in its {@code models};
 *   <li>well-known prefixes: {@code gpt-}, {@code o1}/{@code o3}/{@code o4}, {@code chatgpt-} go
 *       to OpenAI, {@code deepseek-} to DeepSeek, {@code claude-} to Anthropic, {@code gemini-}
 *       to Gemini (the provider named like the type, else the first of that type).
 * </ol>
 * Anything else is a 404 {@code model_not_found}. Immutable; built once from config.
 */
public final class ModelCatalog {

  private final Map<String, ProviderConfig> providers;
  private final Map<String, Target> named = new LinkedHashMap<>();
  private final Map<String, Target> listed = new HashMap<>();

  public ModelCatalog(GatewayConfig config) {
    this.providers = config.providers();
    for (ModelConfig model : config.models()) {
      named.put(model.name(), new Target(model.provider(), model.upstreamModel()));
    }
    for (ProviderConfig provider : providers.values()) {
      provider.models().forEach(m -> listed.putIfAbsent(m, new Target(provider.name(), m)));
    }
  }

  /** The target for {@code model}; throws a 404 {@link GatewayException} when nothing serves it. */
  public Target resolve(String model) {
    return explicitProvider(model)
        .or(() -> Optional.ofNullable(named.get(model)))
        .or(() -> Optional.ofNullable(listed.get(model)))
        .or(() -> byPrefix(model))
        .orElseThrow(() -> notFound(model));
  }

  /** What the target's model can do, as its provider's config declares it. */
  public ModelCapabilities capabilities(Target target) {
    ProviderConfig provider = providers.get(target.provider());
    return provider == null ? ModelCapabilities.UNDECLARED : provider.capabilitiesOf(target.model());
  }

  /** Every model id a caller may use: aliases first, then {@code provider/model} entries. */
  public List<ModelEntry> entries() {
    List<ModelEntry> entries = new ArrayList<>();
    named.forEach((name, target) -> entries.add(new ModelEntry(name, target.provider())));
    for (ProviderConfig provider : providers.values()) {
      provider.models().forEach(m -> entries.add(new ModelEntry(provider.name() + "/" + m, provider.name())));
    }
    return entries;
  }

  /** One line of {@code GET /v1/models}. */
  public record ModelEntry(String id, String ownedBy) {}

  private Optional<Target> explicitProvider(String model) {
    int slash = model.indexOf('/');
    if (slash <= 0 || slash == model.length() - 1) {
      return Optional.empty();
    }
    String provider = model.substring(0, slash);
    return providers.containsKey(provider)
        ? Optional.of(new Target(provider, model.substring(slash + 1)))
        : Optional.empty();
  }

  private Optional<Target> byPrefix(String model) {
    ProviderType type = prefixType(model);
    if (type == null) {
      return Optional.empty();
    }
    String preferred = type.name().toLowerCase(java.util.Locale.ROOT);
    ProviderConfig provider = providers.get(preferred);
    if (provider == null || provider.type() != type) {
      provider = providers.values().stream().filter(p -> p.type() == type).findFirst().orElse(null);
    }
    return provider == null ? Optional.empty() : Optional.of(new Target(provider.name(), model));
  }

  private static ProviderType prefixType(String model) {
    if (model.startsWith("gpt-") || model.startsWith("chatgpt-") || model.matches("^o[134]($|-.*)")) {
      return ProviderType.OPENAI;
    }
    if (model.startsWith("claude-")) {
      return ProviderType.ANTHROPIC;
    }
    if (model.startsWith("gemini-")) {
      return ProviderType.GEMINI;
    }
    return model.startsWith("deepseek-") ? ProviderType.DEEPSEEK : null;
  }

  private static GatewayException notFound(String model) {
    return new GatewayException(404, "invalid_request_error", "model_not_found", "model",
        "The model '" + model + "' does not exist or is not served by this gateway. "
            + "Use GET /v1/models to list the models you can use.");
  }
}
