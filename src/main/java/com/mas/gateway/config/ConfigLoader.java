package com.mas.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads and validates the gateway configuration, once at startup. Every method either returns a
 * complete, valid configuration or throws {@link ConfigException} naming the field, variable,
 * option or file at fault. The environment is passed in so that tests control it; callers pass
 * {@code System.getenv()}.
 *
 * <p>Three sources, chosen by {@link #resolve}:
 *
 * <ul>
 *   <li>a YAML file ({@link #load}), documented in {@code conf/gateway.yaml};
 *   <li>zero-config ({@link #fromEnvironment}): providers from {@code OPENAI_API_KEY} / {@code
 *       OPENAI_BASE_URL} (default {@code https://api.openai.com/v1}) and {@code DEEPSEEK_API_KEY} /
 *       {@code DEEPSEEK_BASE_URL} (default {@code https://api.deepseek.com});
 *   <li>demo mode ({@link #demo}) against the built-in simulator.
 * </ul>
 *
 * <p>Base URLs are used as given, without trailing slashes: clients append {@code
 * /chat/completions} and {@code /models}, so the DeepSeek default gives {@code
 * https://api.deepseek.com/chat/completions} and OpenAI's base must include {@code /v1}.
 *
 * <p>Unless a file lists tenants, there is one tenant {@code default} whose key is {@code
 * GATEWAY_API_KEY}; when that is unset a random key is generated and returned in {@link
 * LoadedConfig#generatedTenantKey()} for the caller to print once. Plain keys are never kept: only
 * their {@link ApiKeyHash#sha256Hex SHA-256}.
 */
public final class ConfigLoader {

  /** Names the file to load; wins over {@link #CONFIG_VARIABLE}. */
  public static final String CONFIG_OPTION = "--config";

  /** Names the file to load when {@link #CONFIG_OPTION} is not given. */
  public static final String CONFIG_VARIABLE = "GATEWAY_CONFIG";

  // Decimals stay exact (BigDecimal from the text, never a binary double): money is converted
  // to integer micro-dollars and must not pick up rounding on the way.
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private ConfigLoader() {}

  /**
   * Reads a YAML file, replaces <code>${VAR}</code> and <code>${VAR:-default}</code> in every
   * string with values from {@code env} (<code>$${</code> is a literal <code>${</code>), then maps
   * and validates it.
   *
   * @throws ConfigException when the file is missing or unreadable, is not valid YAML, refers to an
   *     unset variable without default, has an unknown key, or holds an invalid value
   */
  public static LoadedConfig load(Path file, Map<String, String> env) {
    JsonNode root = readYaml(file);
    new EnvInterpolation(env).apply(root, "");
    return YamlConfigReader.read(ConfigNode.root(root), env);
  }

  /**
   * Zero-config mode: each standard provider whose key variable is set, ports from {@code
   * GATEWAY_PORT} (default 8080), {@code GATEWAY_MANAGEMENT_PORT} (default 9090) and {@code
   * GATEWAY_HOST} (default 0.0.0.0). {@code ANTHROPIC_API_KEY} and {@code GEMINI_API_KEY} are not
   * supported by this version: they are ignored with a warning. The result may have no provider
   * ({@link LoadedConfig#hasProviders()}); the caller then switches to {@link #demo}.
   *
   * @throws ConfigException naming the variable whose value is invalid
   */
  public static LoadedConfig fromEnvironment(Map<String, String> env) {
    return EnvironmentConfig.fromEnvironment(env);
  }

  /**
   * Picks the source: {@code --config FILE} or {@code --config=FILE} in {@code args}, else the file
   * named by {@code GATEWAY_CONFIG}, else {@link #fromEnvironment}. Other arguments are ignored.
   *
   * @throws ConfigException naming {@code --config} or {@code GATEWAY_CONFIG} when the file does
   *     not exist, or whatever the chosen source throws
   */
  public static LoadedConfig resolve(String[] args, Map<String, String> env) {
    Optional<String> option = configOption(args);
    if (option.isPresent()) {
      return loadNamed(option.get(), CONFIG_OPTION, env);
    }
    String variable = env.get(CONFIG_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return loadNamed(variable, CONFIG_VARIABLE, env);
    }
    return fromEnvironment(env);
  }

  /**
   * The file {@link #resolve} loads, if it loads one: {@code --config FILE}, else {@code
   * GATEWAY_CONFIG}. The gateway watches it for changed tenants and keys.
   */
  public static Optional<Path> configFile(String[] args, Map<String, String> env) {
    String variable = env.get(CONFIG_VARIABLE);
    return configOption(args)
        .or(() -> variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable))
        .map(Path::of);
  }

  /**
   * Demo mode against a simulator on {@code 127.0.0.1:simulatorPort}: provider {@code openai}
   * ({@code /v1}, models {@code sim-gpt}, {@code sim-fast}), {@code deepseek} ({@code
   * deepseek-chat}), {@code anthropic} ({@code sim-claude}) and {@code gemini} ({@code
   * sim-gemini}), all with key {@code demo}; models {@code demo}, {@code demo-fast}, {@code
   * demo-claude} and {@code demo-gemini} map to them; the agent profiles and aliases of {@code
   * conf/gateway.yaml} route over them. Server and tenant follow the same variables as {@link
   * #fromEnvironment}.
   */
  public static LoadedConfig demo(int simulatorPort, Map<String, String> env) {
    return EnvironmentConfig.demo(simulatorPort, env);
  }

  private static Optional<String> configOption(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals(CONFIG_OPTION)) {
        value = i + 1 < args.length ? args[i + 1] : "";
      } else if (args[i].startsWith(CONFIG_OPTION + "=")) {
        value = args[i].substring(CONFIG_OPTION.length() + 1);
      }
      if (value != null) {
        if (value.isBlank() || value.startsWith("--")) {
          throw new ConfigException(
              CONFIG_OPTION, "expected a file path, as in --config conf/gateway.yaml");
        }
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static LoadedConfig loadNamed(String name, String source, Map<String, String> env) {
    Path file;
    try {
      file = Path.of(name);
    } catch (InvalidPathException e) {
      throw new ConfigException(source, "not a valid file path: " + Scalars.quote(name), e);
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(source, "config file not found: " + file.toAbsolutePath());
    }
    return load(file, env);
  }

  private static JsonNode readYaml(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          file.toString(), "invalid YAML" + where(e.getLocation()) + ": " + problem(e), e);
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new ConfigException(file.toString(), "config file not found", e);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(file.toString(), "config file is empty");
    }
    if (!root.isObject()) {
      throw new ConfigException(
          file.toString(), "expected a mapping of sections (server, providers, ...) at the top");
    }
    return root;
  }

  private static String where(JsonLocation location) {
    return location == null
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /**
   * SnakeYAML's problem statement, or else the parser's first line: the rest of a parser message
   * quotes the offending YAML, which may be a line holding a secret.
   */
  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      return marked.getProblem();
    }
    String message = String.valueOf(e.getOriginalMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
