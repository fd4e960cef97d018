package com.mas.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkTransportTest {

  @Test
  void prefers_the_native_transport_unless_told_nio() {
    assertThat(NetworkTransport.preferNative(Map.of())).isTrue();
    assertThat(NetworkTransport.preferNative(Map.of("GATEWAY_TRANSPORT", "native"))).isTrue();
    assertThat(NetworkTransport.preferNative(Map.of("GATEWAY_TRANSPORT", " NIO "))).isFalse();
  }

  @Test
  void an_unknown_transport_names_the_variable_and_the_value() {
    assertThatThrownBy(() -> NetworkTransport.preferNative(Map.of("GATEWAY_TRANSPORT", "io_uring")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("GATEWAY_TRANSPORT: expected 'native' or 'nio', got \"io_uring\"");
  }
}
