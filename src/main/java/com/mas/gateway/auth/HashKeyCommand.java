package com.mas.gateway.auth;

import com.mas.gateway.config.ApiKeyHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar mas-gateway.jar hash-key}: makes tenant keys and the hashes the config file
 * stores instead of them ({@code tenants[].keySha256}).
 *
 * <ul>
 *   <li>{@code hash-key}: generates a new random key ({@code mgw-} and 32 random bytes in URL-safe
 *       Base64, as the gateway generates for tenant {@code default}) and prints {@code key: ...}
 *       and {@code keySha256: ...} on standard output; it is shown only this once.
 *   <li>{@code hash-key --stdin} (or {@code -}): reads one key from standard input and prints only
 *       its SHA-256: {@code printf %s "$KEY" | java -jar mas-gateway.jar hash-key --stdin}.
 *   <li>{@code hash-key KEY}: prints only the SHA-256 of {@code KEY} (which then sits in the shell
 *       history and the process list: {@code --stdin} avoids both; a note on stderr says so).
 * </ul>
 *
 * A given key is never printed back. Surrounding whitespace is dropped, as the gateway drops it
 * from the key a client presents. Exit status 0, or 2 for a usage error.
 */
public final class HashKeyCommand {

  static final int USAGE_ERROR = 2;

  /** A line of the key, with room to spare; a longer input is not a key. */
  private static final int MAX_INPUT = 64 * 1024;

  private HashKeyCommand() {}

  public static int run(String[] args) {
    return run(args, System.in, System.out, System.err);
  }

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return generate(out, err);
    }
    String arg = args[0];
    if (arg.equals("--help") || arg.equals("-h")) {
      out.println(usage());
      return 0;
    }
    if (args.length > 1 || (arg.startsWith("--") && !arg.equals("--stdin"))) {
      err.println("hash-key: unexpected arguments\n" + usage());
      return USAGE_ERROR;
    }
    boolean fromStdin = arg.equals("--stdin") || arg.equals("-");
    if (!fromStdin) {
      err.println("note: a key given as an argument stays in the shell history and shows in the process list;"
          + " 'hash-key --stdin' avoids both");
    }
    String key = fromStdin ? readKey(in, err) : arg.strip();
    if (key == null) {
      return USAGE_ERROR;
    }
    if (key.isEmpty()) {
      err.println("hash-key: the key is empty");
      return USAGE_ERROR;
    }
    out.println(ApiKeyHash.sha256Hex(key));
    return 0;
  }

  static String usage() {
    return String.join("\n",
        "usage: java -jar mas-gateway.jar hash-key            generate a key; print it and its SHA-256",
        "       java -jar mas-gateway.jar hash-key --stdin    print the SHA-256 of the key read from stdin",
        "       java -jar mas-gateway.jar hash-key KEY        print the SHA-256 of KEY",
        "Put the SHA-256 in the config file (tenants[].keySha256) and give the key to the tenant.");
  }

  private static int generate(PrintStream out, PrintStream err) {
    String key = ApiKeyHash.generateKey();
    out.println("key:       " + key);
    out.println("keySha256: " + ApiKeyHash.sha256Hex(key));
    err.println("Give the key to the tenant (it is not shown again) and put only the hash in the config file:"
        + " tenants[].keySha256.");
    return 0;
  }

  /** One key from standard input, or null (after saying why) when the input is not one key. */
  private static String readKey(InputStream in, PrintStream err) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_INPUT + 1);
    } catch (IOException e) {
      err.println("hash-key: cannot read standard input: " + e.getMessage());
      return null;
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (bytes.length > MAX_INPUT || text.contains("\n")) {
      err.println("hash-key: expected one key on standard input, got several lines");
      return null;
    }
    return text;
  }
}
