package com.mas.gateway.api;

import com.mas.gateway.chat.Usage;
import com.mas.gateway.provider.ResponseTranslator;

/** What one dispatched request delivered: the events the client received and the usage reported. */
final class AnswerTally {

  private ResponseTranslator translator;
  private long events;

  void translator(ResponseTranslator value) {
    this.translator = value;
  }

  /** One more answer event reached the client. */
  void counted() {
    events++;
  }

  long events() {
    return events;
  }

  /** The usage the provider reported, or null. */
  Usage usage() {
    return translator == null ? null : translator.usage();
  }
}
