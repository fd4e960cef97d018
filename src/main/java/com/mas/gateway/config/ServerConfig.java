package com.mas.gateway.config;

import java.time.Duration;

/**
 * The public data port and the management port.
 *
 * @param host interface to bind
 * @param port data port (OpenAI-compatible API)
 * @param managementPort health, metrics and admin
 * @param maxBodyBytes largest request body accepted; larger gets 413
 * @param maxEventBytes largest single upstream SSE event; larger ends the stream with an error
 * @param shutdownGrace how long in-flight streams may run after SIGTERM before they are cut
 * @param reloadInterval how often the config file is checked for changed tenants and keys (only
 *     when the gateway was started from a file)
 * @param adminKey guards the admin API on the management port; {@link AdminKey#NONE} disables it
 */
public record ServerConfig(
    String host,
    int port,
    int managementPort,
    long maxBodyBytes,
    int maxEventBytes,
    Duration shutdownGrace,
    Duration reloadInterval,
    AdminKey adminKey) {

  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(5);

  public static final ServerConfig DEFAULT =
      new ServerConfig("0.0.0.0", 8080, 9090, 4L << 20, 1 << 20, Duration.ofSeconds(30));

  /** With the default reload interval. */
  public ServerConfig(String host, int port, int managementPort, long maxBodyBytes, int maxEventBytes,
      Duration shutdownGrace) {
    this(host, port, managementPort, maxBodyBytes, maxEventBytes, shutdownGrace, DEFAULT_RELOAD_INTERVAL);
  }

  /** Without an admin key. */
  public ServerConfig(String host, int port, int managementPort, long maxBodyBytes, int maxEventBytes,
      Duration shutdownGrace, Duration reloadInterval) {
    this(host, port, managementPort, maxBodyBytes, maxEventBytes, shutdownGrace, reloadInterval, AdminKey.NONE);
  }

  public ServerConfig {
    host = host == null || host.isBlank() ? "0.0.0.0" : host;
    shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(30) : shutdownGrace;
    reloadInterval = reloadInterval == null ? DEFAULT_RELOAD_INTERVAL : reloadInterval;
    adminKey = adminKey == null ? AdminKey.NONE : adminKey;
  }

  /** The same with {@code key} guarding the admin API. */
  public ServerConfig withAdminKey(AdminKey key) {
    return new ServerConfig(host, port, managementPort, maxBodyBytes, maxEventBytes, shutdownGrace, reloadInterval,
        key);
  }

  public ServerConfig withPorts(int newPort, int newManagementPort) {
    return new ServerConfig(host, newPort, newManagementPort, maxBodyBytes, maxEventBytes, shutdownGrace,
        reloadInterval, adminKey);
  }
}
