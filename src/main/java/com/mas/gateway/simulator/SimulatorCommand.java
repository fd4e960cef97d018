package com.mas.gateway.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code simulate} command: runs a {@link Simulator} until the process is killed.
 *
 * <pre>
 * simulate [--host 127.0.0.1] [--port 8090] [--api-key KEY] [--ttft-ms N] [--tps N]
 *          [--tokens N] [--language en|zh-Hans|zh-Hant]
 * </pre>
 *
 * Each option also takes the {@code --name=value} form. Without {@code --api-key} any key (or
 * none) is accepted. Defaults are those of {@link SimulatorOptions#defaults()} except the port,
 * 8090.
 */
public final class SimulatorCommand {

  /** The port used when {@code --port} is not given. */
  public static final int DEFAULT_PORT = 8090;

  static final String USAGE = "usage: simulate [--host H] [--port P] [--api-key K] [--ttft-ms N]"
      + " [--tps N] [--tokens N] [--language en|zh-Hans|zh-Hant]";

  private SimulatorCommand() {}

  /**
   * Starts the simulator and blocks the calling thread (never an event loop) until the process
   * is killed; a shutdown hook closes the server.
   *
   * @param args the options, optionally preceded by the verb {@code simulate}
   * @return 0 after {@code --help} or an interrupt, 1 when the server cannot start, 2 for bad
   *     options
   */
  public static int run(String[] args) {
    SimulatorOptions options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      return fail(System.err, e.getMessage() + "\n" + USAGE, 2);
    }
    if (options == null) {
      System.out.println(USAGE);
      return 0;
    }
    return serve(options);
  }

  private static int serve(SimulatorOptions options) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    Simulator simulator;
    try {
      simulator = Simulator.start(vertx, options).await();
    } catch (Exception e) { // await() rethrows the cause as is, e.g. a BindException
      vertx.close();
      return fail(System.err, "simulator could not start: " + e.getMessage(), 1);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(vertx::close, "simulator-shutdown"));
    System.out.println("simulator listening on http://" + options.host() + ":"
        + simulator.port() + "/v1");
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Reads the command line.
   *
   * @return the options, or null when {@code --help} was asked for
   * @throws IllegalArgumentException naming the option it could not read
   */
  static SimulatorOptions options(String[] args) {
    SimulatorOptions options = SimulatorOptions.defaults().withPort(DEFAULT_PORT);
    int start = args.length > 0 && args[0].equals("simulate") ? 1 : 0;
    for (int i = start; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return null;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      options = apply(options, name, value);
    }
    return options;
  }

  private static SimulatorOptions apply(SimulatorOptions options, String name, String value) {
    try {
      return switch (name) {
        case "--host" -> options.withHost(value);
        case "--port" -> options.withPort(Integer.parseInt(value));
        case "--api-key" -> options.withApiKey(value);
        case "--ttft-ms" -> options.withTimeToFirstToken(Duration.ofMillis(Long.parseLong(value)));
        case "--tps" -> options.withTokensPerSecond(Double.parseDouble(value));
        case "--tokens" -> options.withAnswerTokens(Integer.parseInt(value));
        case "--language" -> options.withLanguage(AnswerLanguage.parse(value));
        default -> throw new IllegalArgumentException("unknown option " + name);
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, got '" + value + "'");
    }
  }

  private static int fail(PrintStream err, String message, int code) {
    err.println(message);
    return code;
  }
}
