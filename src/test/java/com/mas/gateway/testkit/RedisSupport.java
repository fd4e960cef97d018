package com.mas.gateway.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;

/**
 * Finds a real Redis for tests: {@code REDIS_URL} when set, else 127.0.0.1:6379 when it
 * answers, else a Testcontainers {@code redis:7} (started once, needs Docker). Tests keep apart
 * through {@link #uniquePrefix()}.
 */
public final class RedisSupport {

  private static String url;

  private RedisSupport() {}

  public static synchronized String url() {
    if (url == null) {
      url = locate();
    }
    return url;
  }

  /** A key prefix no other test uses. */
  public static String uniquePrefix() {
    return "test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  private static String locate() {
    String configured = System.getenv("REDIS_URL");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (answers("127.0.0.1", 6379)) {
      return "redis://127.0.0.1:6379";
    }
    @SuppressWarnings("resource") // lives as long as the test JVM
    GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
    redis.start();
    return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
