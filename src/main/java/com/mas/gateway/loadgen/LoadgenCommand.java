package com.mas.gateway.loadgen;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code loadgen} verb: {@code java -jar mas-gateway.jar loadgen [options]}. Runs a bounded
 * chat-completions load (closed loop, or open loop at a fixed rate) against the one URL given and prints the results.
 *
 * <p>Exit codes: 0 the run completed and measured at least one request (errors among them are
 * reported, not fatal); 1 the run failed or measured nothing; 2 bad options.
 */
public final class LoadgenCommand {
  static final String USAGE = """
      Usage: loadgen --model MODEL [options]
      Load generator for OpenAI chat completions (closed loop, or open loop with --rate). Sends traffic ONLY to --url;
      point it at hosts you own (load tests here use 127.0.0.1).

        --url URL          base URL, requests go to URL/chat/completions
                           (default http://127.0.0.1:8080/v1)
        --key KEY          API key, sent as 'Authorization: Bearer KEY'
        --model MODEL      model name of every request (required)
        --concurrency N    virtual users = pooled keep-alive connections (default 200)
        --rate N           open loop: N requests per second in total, sent on schedule
                           whatever the answers take, over at most --concurrency
                           connections (default 0: closed loop, each user sends its next
                           request when the last one ended)
        --duration D       measured time after warmup, e.g. 20s, 500ms, 2m (default 20s)
        --warmup D         time run before measuring, results discarded (default 5s)
        --grace D          after the duration, time left for requests in flight before
                           they are aborted (default 60s)
        --stream B         true: SSE streams, measures TTFT; false: plain JSON (default true)
        --max-tokens N     max_tokens of every request (default: not sent)
        --header K:V       extra request header, repeatable (e.g. x-sim-tps:50)
        --label NAME       name of this run in the report (default loadgen)
        --json             print one JSON line instead of the table
        --help             this text
      """;

  // Beyond warmup + duration + grace: time to start, collect and shut down.
  private static final long SHUTDOWN_MARGIN_MS = 15_000;

  private LoadgenCommand() {}

  /**
   * Runs the verb with the arguments after {@code loadgen}, blocking the calling thread (which
   * must not be a Vert.x event loop) until the run has ended; returns the exit code.
   */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (OptionParser.wantsHelp(args)) {
      out.print(USAGE);
      return 0;
    }
    LoadgenOptions options;
    try {
      options = OptionParser.parse(args);
    } catch (InvalidOptionException e) {
      err.println("loadgen: " + e.getMessage());
      err.println("Run 'loadgen --help' for the options.");
      return 2;
    }
    return execute(options, out, err);
  }

  private static int execute(LoadgenOptions options, PrintStream out, PrintStream err) {
    int eventLoops = Math.max(1, Runtime.getRuntime().availableProcessors());
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setPreferNativeTransport(true));
    try {
      long limit = options.maxRunTime().toMillis() + SHUTDOWN_MARGIN_MS;
      LoadReport report = new LoadGenerator(vertx, options, eventLoops).run()
          .await(limit, TimeUnit.MILLISECONDS);
      out.println(options.json() ? report.toJson().encode() : ReportTable.render(report));
      if (report.requests() == 0) {
        err.println("loadgen: no request completed in the measured window");
        return 1;
      }
      return 0;
    } catch (TimeoutException | RuntimeException e) {
      err.println("loadgen: run failed: " + e);
      return 1;
    } finally {
      close(vertx, err);
    }
  }

  private static void close(Vertx vertx, PrintStream err) {
    try {
      vertx.close().await(SHUTDOWN_MARGIN_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | RuntimeException e) {
      err.println("loadgen: shutdown incomplete: " + e);
    }
  }
}
