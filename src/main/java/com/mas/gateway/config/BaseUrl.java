package com.mas.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks provider base URLs. A base URL is used as given (minus trailing slashes): clients append
 * {@code /chat/completions} and {@code /models} to it, so OpenAI's includes {@code /v1} and
 * DeepSeek's does not.
 */
final class BaseUrl {

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  private BaseUrl() {}

  /**
   * The URL without trailing slashes, after checking that it is an absolute http(s) URL with a host
   * and without query or fragment.
   *
   * @param path the field or environment variable named in a failure
   */
  static String check(String url, String path) {
    URI uri = parse(url, path);
    if (uri.getRawUserInfo() != null) {
      // Credentials belong in apiKey, where they are masked; never echo this URL.
      throw new ConfigException(path, "must not contain user info; put credentials in apiKey");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(url, path);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new ConfigException(path, "has no host: " + Scalars.quote(url));
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigException(
          path, "must not have a query or fragment, got " + Scalars.quote(url));
    }
    return stripTrailingSlashes(url);
  }

  /**
   * True when the URL's host is a loopback literal ({@code localhost}, {@code 127.x.x.x}, {@code
   * [::1]}). Names are not resolved: config loading does no DNS.
   */
  static boolean isLoopback(String url) {
    String host = URI.create(url).getHost();
    if (host == null) {
      return false;
    }
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.equals("localhost")
        || lower.equals("[::1]")
        || IPV4_LOOPBACK.matcher(lower).matches();
  }

  private static URI parse(String url, String path) {
    try {
      return new URI(url.trim());
    } catch (URISyntaxException e) {
      throw invalid(url, path);
    }
  }

  private static ConfigException invalid(String url, String path) {
    return new ConfigException(
        path,
        "expected an absolute http(s) URL like https://api.openai.com/v1, got "
            + Scalars.quote(url));
  }

  private static String stripTrailingSlashes(String url) {
    String trimmed = url.trim();
    int end = trimmed.length();
    while (end > 0 && trimmed.charAt(end - 1) == '/') {
      end--;
    }
    return trimmed.substring(0, end);
  }
}
