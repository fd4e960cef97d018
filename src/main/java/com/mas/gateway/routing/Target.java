package com.mas.gateway.routing;

/** Where one attempt goes: a configured provider and the model name it knows. */
public record Target(String provider, String model) {}
