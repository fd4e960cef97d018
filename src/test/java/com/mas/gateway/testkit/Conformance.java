package com.mas.gateway.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The provider wire transcripts in ../shared/conformance (see its INDEX.md). */
public final class Conformance {

  private Conformance() {}

  public static Path dir() {
    String configured = System.getProperty("conformance.dir");
    Path path = configured != null ? Path.of(configured) : Path.of("../shared/conformance");
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("conformance transcripts not found at " + path.toAbsolutePath());
    }
    return path;
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(dir().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String relative) {
    return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
  }

  public static boolean exists(String relative) {
    return Files.exists(dir().resolve(relative));
  }
}
