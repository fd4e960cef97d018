package com.mas.gateway.auth;

import com.mas.gateway.config.ConfigException;
import com.mas.gateway.config.ConfigLoader;
import com.mas.gateway.config.GatewayConfig;
import com.mas.gateway.config.LoadedConfig;
import com.mas.gateway.config.TenantConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads tenants and keys (with their limits, budgets and allowed models) from the config file
 * the gateway was started from, without a restart and without touching requests in flight.
 *
 * <p>Every {@code server.reloadInterval} the file is polled: its modification time and size
 * first, then, when those moved (or the file was written in the last two seconds, which a coarse
 * file-system clock could hide), the SHA-256 of its content, so a {@code touch} or a rewrite with
 * the same bytes reloads nothing. A changed file is parsed and validated whole, exactly as
 * at startup; when it is valid, its tenants replace the ones in force in one atomic swap of the
 * {@link TenantRegistry} (every event loop sees the new tenants from its next request on; a
 * stream that already authenticated keeps going). An invalid file changes nothing: the error is
 * logged with its field path and counted. Changes to any other section (server, providers,
 * models, ...) are not applied live; the log names those sections.
 *
 * <p>A file without a {@code tenants} section whose tenant key would be generated (no {@code
 * GATEWAY_API_KEY}) keeps the running tenants: a fresh random key nobody knows would lock
 * every client out.
 *
 * <p>All file work runs on a worker thread, ordered, never on an event loop. Meter {@value
 * #RELOADS}, tag {@value #TAG_RESULT} = {@code ok} (a changed file was valid) or {@code error}.
 */
public final class TenantReloader {

  public static final String RELOADS = "mas_gateway_config_reloads";
  public static final String TAG_RESULT = "result";

  /** What one check or reload did. */
  public enum Outcome {
    /** Nothing to do: the file did not change, or its tenants are the ones in force. */
    UNCHANGED,
    /** New tenants are in force. */
    APPLIED,
    /** The file is invalid or unreadable; the tenants in force were kept. */
    REJECTED
  }

  /** What the poll compares cheaply before hashing; a null time when the file is missing. */
  private record Stamp(FileTime modified, long size) {

    /**
     * Written so recently that a coarse file-system clock (1 s on some) could give the next
     * write within the same tick the same time: the content must be hashed to be sure.
     */
    boolean recent() {
      return modified == null || modified.toMillis() > System.currentTimeMillis() - RECENT.toMillis();
    }
  }

  private static final Duration RECENT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(TenantReloader.class);

  private final Vertx vertx;
  private final Context context;
  private final Path file;
  private final Map<String, String> env;
  private final GatewayConfig running;
  private final TenantRegistry registry;
  private final Counter applied;
  private final Counter rejected;
  // Read and written only by ordered blocking tasks of `context`, one at a time.
  private volatile Stamp lastStamp;
  private volatile String lastHash;
  private volatile long timer = -1;

  /**
   * @param running the configuration the gateway runs with, to tell which other sections changed
   * @param env the environment the file's <code>${VAR}</code> references resolve against
   */
  public TenantReloader(Vertx vertx, Path file, Map<String, String> env, GatewayConfig running,
      TenantRegistry registry, MeterRegistry meters) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.file = file;
    this.env = Map.copyOf(env);
    this.running = running;
    this.registry = registry;
    this.applied = counter(meters, "ok");
    this.rejected = counter(meters, "error");
  }

  /**
   * Notes the file as it is now, then polls it every {@code interval}. Completes once the first
   * note is taken.
   */
  public Future<Void> start(Duration interval) {
    return context.executeBlocking(() -> {
      note();
      return null;
    }, true).onSuccess(v -> timer = vertx.setPeriodic(interval.toMillis(), id -> check())).mapEmpty();
  }

  /** Stops polling. */
  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** One poll: reloads when the file's content changed. Completes with the outcome; never fails. */
  public Future<Outcome> check() {
    return context.executeBlocking(this::checkNow, true);
  }

  /** Reloads now, changed or not (for tests and operators). Completes with the outcome; never fails. */
  public Future<Outcome> reload() {
    return context.executeBlocking(() -> {
      note();
      return apply();
    }, true);
  }

  private Outcome checkNow() {
    Stamp stamp = stamp();
    if (stamp.equals(lastStamp) && !stamp.recent()) {
      return Outcome.UNCHANGED;
    }
    lastStamp = stamp;
    String hash = contentHash();
    if (Objects.equals(hash, lastHash)) { // also a file still missing: said once already
      return Outcome.UNCHANGED;
    }
    lastHash = hash;
    return apply();
  }

  private void note() {
    lastStamp = stamp();
    lastHash = contentHash();
  }

  private Outcome apply() {
    LoadedConfig loaded;
    try {
      loaded = ConfigLoader.load(file, env);
    } catch (ConfigException e) {
      rejected.increment();
      LOG.error("config reload rejected, the tenants in force are kept: {}", e.getMessage());
      return Outcome.REJECTED;
    }
    applied.increment();
    List<String> unapplied = ConfigSections.changedBesidesTenants(running, loaded.config());
    if (!unapplied.isEmpty()) {
      LOG.warn("{} changed in {}: not applied until a restart (only tenants reload live)", unapplied, file);
    }
    if (loaded.generatedTenantKey().isPresent()) {
      LOG.warn("{} has no tenants section and GATEWAY_API_KEY is unset: the tenants in force are kept", file);
      return Outcome.UNCHANGED;
    }
    return swap(loaded.config().tenants());
  }

  private Outcome swap(List<TenantConfig> tenants) {
    List<TenantConfig> before = registry.tenants();
    if (tenants.equals(before)) {
      return Outcome.UNCHANGED;
    }
    registry.replace(tenants);
    LOG.info("tenants reloaded from {}: {}", file, ConfigSections.tenantChanges(before, tenants));
    return Outcome.APPLIED;
  }

  private Stamp stamp() {
    try {
      return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
    } catch (IOException e) {
      return new Stamp(null, -1);
    }
  }

  /** The SHA-256 of the file's bytes, or null when it cannot be read (loading then says why). */
  private String contentHash() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static Counter counter(MeterRegistry meters, String result) {
    return Counter.builder(RELOADS).tag(TAG_RESULT, result)
        .description("Config file reloads after a change: ok (valid, tenants applied) or error (kept the old)")
        .register(meters);
  }
}
