package com.mas.gateway.language;

import com.mas.gateway.api.AnswerFilter;
import com.mas.gateway.api.Exchange;
import com.mas.gateway.api.Stage;
import com.mas.gateway.config.ResponseScript;
import com.mas.gateway.provider.ClientSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Holds the answer to the user's Chinese script when the route (else the tenant) says
 * {@code responseScript: match}: the request gets a short instruction to answer in that script,
 * and the answer is converted on its way to the client, character by character. Every answer to
 * a question in a known language is also watched, one in {@value #QUALITY_SAMPLE}, for the
 * quality signals (its share of Han characters in the user's script, and whether its language
 * matches the question's), as the provider wrote it: the signals are shares, which a sample
 * estimates as well, and an unwatched, unconverted answer takes the streaming fast path with no
 * per-event work at all. Runs once the route is planned and before the limits, so the token
 * estimate includes the instruction.
 */
public final class ScriptStage implements Stage {

  /** One answer in this many is watched for the quality signals. */
  static final int QUALITY_SAMPLE = 10;

  private final Languages languages;
  private final MeterRegistry registry;

  public ScriptStage(Languages languages, MeterRegistry registry) {
    this.languages = languages;
    this.registry = registry;
  }

  @Override
  public String name() {
    return "script";
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String tag = exchange.language();
    if (tag == null || Tags.UNDETERMINED.equals(tag)) {
      return Future.succeededFuture();
    }
    ResponseScript setting = exchange.plan().responseScript() != null
        ? exchange.plan().responseScript() : exchange.tenant().config().responseScript();
    ScriptFidelity fidelity = setting == ResponseScript.MATCH ? languages.fidelity(tag) : ScriptFidelity.NONE;
    exchange.request(fidelity.instruct(exchange.request()));
    AnswerQuality quality = ThreadLocalRandom.current().nextInt(QUALITY_SAMPLE) == 0
        ? languages.quality(tag, "upstream", registry) : null;
    if (quality != null) {
      exchange.onCompletion(done -> quality.record());
    }
    if (quality != null || fidelity.isActive()) {
      exchange.answerFilter(new Filter(fidelity, quality));
    }
    return Future.succeededFuture();
  }

  /** Watches the answer as the provider wrote it (when sampled; else {@code quality} is null), then converts it. */
  private record Filter(ScriptFidelity fidelity, AnswerQuality quality) implements AnswerFilter {

    @Override
    public ClientSink stream(ClientSink client) {
      ClientSink converted = fidelity.wrap(client);
      return quality == null ? converted : quality.tap(converted);
    }

    @Override
    public Buffer whole(Buffer body) {
      if (quality != null) {
        quality.observeCompletion(body);
      }
      return fidelity.convertCompletion(body);
    }
  }
}
