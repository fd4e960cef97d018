package com.mas.gateway.simulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault one request asked for (see {@link SimulatorControls} for the grammar).
 *
 * @param kind what goes wrong
 * @param status the HTTP status of a {@link Kind#STATUS} fault, else 0
 * @param retryAfterSeconds the {@code retry-after} header of a status fault, or -1 for none
 * @param afterEvents how many answer events go out before a positional fault strikes
 */
record FaultPlan(Kind kind, int status, int retryAfterSeconds, int afterEvents) {

  /** What goes wrong. */
  enum Kind { NONE, STATUS, RESET, CUT, STALL, MALFORMED, ERROR }

  static final FaultPlan NONE = new FaultPlan(Kind.NONE, 0, -1, 0);

  private static final Pattern MODEL =
      Pattern.compile("sim-(status|cut|stall|malformed|error|cut-call)-(\\d{1,9})");

  /** True for the faults that strike after some answer events rather than instead of them. */
  boolean positional() {
    return kind == Kind.CUT || kind == Kind.STALL || kind == Kind.MALFORMED || kind == Kind.ERROR;
  }

  /** True when the fault ends the request abnormally; a malformed event does not. */
  boolean endsAbnormally() {
    return kind != Kind.NONE && kind != Kind.MALFORMED;
  }

  /** The fault a model name asks for, or {@link #NONE} for an ordinary model. */
  static FaultPlan forModel(String model) {
    if (model == null) {
      return NONE;
    }
    String name = model.toLowerCase(Locale.ROOT);
    if (name.equals("sim-reset")) {
      return new FaultPlan(Kind.RESET, 0, -1, 0);
    }
    Matcher matcher = MODEL.matcher(name);
    if (!matcher.matches()) {
      return NONE;
    }
    int number = Integer.parseInt(matcher.group(2));
    if (matcher.group(1).equals("status")) {
      return isErrorStatus(number)
          ? new FaultPlan(Kind.STATUS, number, number == 429 ? 1 : -1, 0)
          : NONE;
    }
    return positionalFault(matcher.group(1), number);
  }

  /**
   * Reads the {@code x-sim-fault} header.
   *
   * @throws IllegalArgumentException naming the part it could not read
   */
  static FaultPlan parse(String header) {
    FaultPlan plan = NONE;
    int retryAfter = -1;
    for (String part : header.split(";")) {
      String item = part.trim().toLowerCase(Locale.ROOT);
      if (item.isEmpty()) {
        continue;
      }
      if (item.startsWith("retry-after=")) {
        retryAfter = number(item, 0);
        continue;
      }
      if (plan != NONE) {
        throw new IllegalArgumentException("x-sim-fault names more than one fault: " + header);
      }
      plan = item(item);
    }
    if (retryAfter >= 0 && plan.kind != Kind.STATUS) {
      throw new IllegalArgumentException("x-sim-fault retry-after needs a status=<code>");
    }
    return retryAfter < 0 ? plan : new FaultPlan(Kind.STATUS, plan.status, retryAfter, 0);
  }

  private static FaultPlan item(String item) {
    if (item.equals("reset")) {
      return new FaultPlan(Kind.RESET, 0, -1, 0);
    }
    int equals = item.indexOf('=');
    String key = equals < 0 ? item : item.substring(0, equals);
    if (key.equals("status")) {
      int status = number(item, 0);
      if (!isErrorStatus(status)) {
        throw new IllegalArgumentException("x-sim-fault status must be 400..599: " + item);
      }
      return new FaultPlan(Kind.STATUS, status, -1, 0);
    }
    if (key.endsWith("-after")) {
      return positionalFault(key.substring(0, key.length() - "-after".length()), number(item, 0));
    }
    if (key.equals("cut-in-call")) {
      return positionalFault(key, number(item, 0));
    }
    throw new IllegalArgumentException("x-sim-fault has an unknown part: " + item);
  }

  private static FaultPlan positionalFault(String name, int after) {
    if (name.equals("cut-call") || name.equals("cut-in-call")) {
      return new FaultPlan(Kind.CUT, 0, -1,
          after * AnswerPlan.FRAGMENTS_PER_CALL + SimulatorControls.CALL_CUT_FRAGMENTS);
    }
    Kind kind = switch (name) {
      case "cut" -> Kind.CUT;
      case "stall" -> Kind.STALL;
      case "malformed" -> Kind.MALFORMED;
      case "error" -> Kind.ERROR;
      default -> throw new IllegalArgumentException("x-sim-fault has an unknown fault: " + name);
    };
    return new FaultPlan(kind, 0, -1, after);
  }

  private static int number(String item, int minimum) {
    String value = item.substring(item.indexOf('=') + 1).trim();
    try {
      int number = Integer.parseInt(value);
      if (number >= minimum) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with the item that held it
    }
    throw new IllegalArgumentException("x-sim-fault needs a whole number >= " + minimum
        + ": " + item);
  }

  private static boolean isErrorStatus(int status) {
    return status >= 400 && status <= 599;
  }
}
