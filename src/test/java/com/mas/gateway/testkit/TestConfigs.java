package com.mas.gateway.testkit;

import com.mas.gateway.config.ApiKeyHash;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.ModelConfig;
import com.mas.gateway.config.PoolConfig;
import com.mas.gateway.config.ProviderConfig;
import com.mas.gateway.config.ProviderType;
import com.mas.gateway.config.Secret;
import com.mas.gateway.config.ServerConfig;
import com.mas.gateway.config.TenantConfig;
import com.mas.gateway.config.TimeoutConfig;
import com.mas.gateway.simulator.Simulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gateway configurations for tests: loopback, ephemeral ports, one tenant with {@link #KEY}. */
public final class TestConfigs {

  public static final String KEY = "test-tenant-key";
  public static final String UPSTREAM_KEY = "sk-upstream-secret-0123456789";

  private TestConfigs() {}

  public static ProviderConfig provider(String name, ProviderType type, String baseUrl) {
    return provider(name, type, baseUrl, TimeoutConfig.DEFAULT);
  }

  public static ProviderConfig provider(String name, ProviderType type, String baseUrl, TimeoutConfig timeouts) {
    return new ProviderConfig(name, type, baseUrl, new Secret(UPSTREAM_KEY), timeouts,
        new PoolConfig(64, Duration.ofSeconds(30), false), true, List.of(), Map.of(), List.of("x-sim-*"));
  }

  public static TimeoutConfig timeouts(long firstByteMillis, long idleMillis) {
    return new TimeoutConfig(Duration.ofSeconds(2), Duration.ofMillis(firstByteMillis), Duration.ofMillis(idleMillis));
  }

  /**
   * A gateway in front of {@code simulator}: providers {@code openai}, {@code anthropic} and
   * {@code gemini}, each in its own wire format.
   */
  public static GatewayConfig simulated(Simulator simulator, TimeoutConfig timeouts) {
    String host = simulator.baseUrl().replaceAll("/v1$", "");
    return gateway(
        provider("openai", ProviderType.OPENAI, simulator.baseUrl(), timeouts),
        provider("anthropic", ProviderType.ANTHROPIC, host, timeouts),
        provider("gemini", ProviderType.GEMINI, host, timeouts));
  }

  public static GatewayConfig gateway(ProviderConfig... providers) {
    return gateway(ServerConfig.DEFAULT.maxBodyBytes(), List.of(), providers);
  }

  public static GatewayConfig gateway(long maxBodyBytes, List<ModelConfig> models, ProviderConfig... providers) {
    Map<String, ProviderConfig> byName = new LinkedHashMap<>();
    for (ProviderConfig provider : providers) {
      byName.put(provider.name(), provider);
    }
    ServerConfig server = new ServerConfig("127.0.0.1", 0, 0, maxBodyBytes, 1 << 20, Duration.ofSeconds(5));
    return new GatewayConfig(server, byName, models, List.of(new TenantConfig("default", List.of(sha256(KEY)))), false);
  }

  public static String sha256(String key) {
    return ApiKeyHash.sha256Hex(key);
  }
}
