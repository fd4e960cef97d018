package com.mas.gateway.state;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run atomically on Redis: sent by its SHA-1 ({@code EVALSHA}), and in full
 * ({@code EVAL}) only when the server does not have it yet, e.g. after a restart. Scripts live
 * in {@code src/main/resources/lua/}; all the keys a script touches are passed as KEYS, so it
 * runs on Redis Cluster when they share a hash tag. A line {@code -- #include NAME} is replaced
 * by {@code lua/NAME.lua}, so scripts share functions without copies (Redis runs one source).
 */
public final class LuaScript {

  private static final String INCLUDE = "-- #include ";

  private final String name;
  private final String source;
  private final String sha1;

  private LuaScript(String name, String source) {
    this.name = name;
    this.source = source;
    this.sha1 = sha1Hex(source);
  }

  /** The script {@code lua/<name>.lua} from the class path, its includes inlined. */
  public static LuaScript load(String name) {
    return new LuaScript(name, withIncludes(read(name)));
  }

  private static String withIncludes(String source) {
    StringBuilder whole = new StringBuilder(source.length());
    for (String line : source.split("\n", -1)) {
      whole.append(line.startsWith(INCLUDE) ? read(line.substring(INCLUDE.length()).trim()) : line).append('\n');
    }
    return whole.toString();
  }

  private static String read(String name) {
    String resource = "/lua/" + name + ".lua";
    try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  /** Runs the script with {@code keys} and {@code args}; one round trip unless Redis lacks it. */
  public Future<Response> run(Redis redis, List<String> keys, List<String> args) {
    return redis.send(request(Command.EVALSHA, sha1, keys, args))
        .recover(failure -> isNoScript(failure)
            ? redis.send(request(Command.EVAL, source, keys, args))
            : Future.failedFuture(failure));
  }

  private static Request request(Command command, String script, List<String> keys, List<String> args) {
    Request request = Request.cmd(command).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    args.forEach(request::arg);
    return request;
  }

  private static boolean isNoScript(Throwable failure) {
    String message = failure.getMessage();
    return message != null && message.startsWith("NOSCRIPT");
  }

  private static String sha1Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
