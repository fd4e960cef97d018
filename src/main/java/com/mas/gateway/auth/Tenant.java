package com.mas.gateway.auth;

/** The caller, as established by its API key. Never taken from a client-supplied header. */
public record Tenant(String id) {}
