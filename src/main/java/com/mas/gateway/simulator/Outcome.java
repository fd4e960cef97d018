package com.mas.gateway.simulator;

/** How a request observed by the simulator ended, or that it has not ended yet. */
public enum Outcome {
  /** The answer is still being written (or waiting for its first token). */
  IN_PROGRESS,
  /** The whole response was written, including error responses the simulator chose to send. */
  COMPLETED,
  /** The client's connection closed before the answer ended. */
  CLIENT_CLOSED_EARLY,
  /** An injected fault ended the request abnormally (status, reset, cut, stall, error event). */
  FAULT_INJECTED
}
