package com.mas.gateway.api;

import com.mas.gateway.auth.Tenant;
import com.mas.gateway.chat.ChatRequest;
import com.mas.gateway.routing.Target;
import io.vertx.ext.web.RoutingContext;

/**
 * One client request on its way through the pipeline. Lives on the event loop that accepted the
 * request; stages fill its typed fields in order: tenant, request, target.
 */
public final class Exchange {

  private final RoutingContext context;
  private final String requestId;
  private final long startNanos;
  private Tenant tenant;
  private ChatRequest request;
  private Target target;

  public Exchange(RoutingContext context, String requestId) {
    this.context = context;
    this.requestId = requestId;
    this.startNanos = System.nanoTime();
  }

  public RoutingContext context() {
    return context;
  }

  public String requestId() {
    return requestId;
  }

  public long startNanos() {
    return startNanos;
  }

  public Tenant tenant() {
    return tenant;
  }

  public void tenant(Tenant value) {
    this.tenant = value;
  }

  public ChatRequest request() {
    return request;
  }

  public void request(ChatRequest value) {
    this.request = value;
  }

  public Target target() {
    return target;
  }

  public void target(Target value) {
    this.target = value;
  }
}
