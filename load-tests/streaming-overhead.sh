#!/usr/bin/env bash
# Streaming overhead of the gateway: the same closed-loop load, once straight to the simulator
# and once through the gateway, streaming and non-streaming, in one run on this machine.
#
#   mvn -q -DskipTests package                 # once: builds target/mas-gateway.jar
#   load-tests/streaming-overhead.sh           # ~2 minutes with the defaults
#   CONCURRENCY=50 DURATION=10s load-tests/streaming-overhead.sh
#
# Environment (all optional):
#   CONCURRENCY   virtual users = connections per run          (default 200)
#   DURATION      measured time per run                          (default 20s)
#   WARMUP        unmeasured time before it, per run; the JIT needs it (default 15s)
#   JVM_OPTS      JVM flags of simulator, gateway and loadgen   (default below)
#   STREAM_TPS    tokens per second of each streamed answer, like a real model  (default 50)
#   SIM_TPS       tokens per second of non-streamed answers, 0 = at once        (default 0)
#   MAS_GATEWAY_JAR  the jar to run                  (default target/mas-gateway.jar)
#   PIN           1 = gateway alone on CPU 1, simulator and loadgen on CPU 0 (taskset); 0 = all
#                 share every core                                         (default 1)
#   PROVIDER      the gateway's upstream: openai (pass-through), anthropic or gemini (the
#                 simulator answers in that wire format and the gateway translates it); the
#                 direct runs always speak OpenAI to the simulator          (default openai)
#
# Every process listens on, and every request goes to, 127.0.0.1 only: simulator 18090,
# gateway 18080 (management 19090). Both servers are stopped when the script exits.
# Exit codes: 0 all targets met, 3 a target missed, 1 the run itself failed.
set -euo pipefail

cd "$(dirname "$0")/.."

CONCURRENCY="${CONCURRENCY:-200}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-15s}"
JAR="${MAS_GATEWAY_JAR:-target/mas-gateway.jar}"
# Fixed heap (no resizing while measuring) pre-touched at start, and the parallel collector:
# short stop-the-world young collections and no concurrent GC threads competing for the two
# cores with the event loops. The same flags for all three JVMs keep the comparison fair.
JVM_OPTS="${JVM_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC -XX:+AlwaysPreTouch}"

SIM_PORT=18090
GATEWAY_PORT=18080
MANAGEMENT_PORT=19090
SIM_TTFT_MS=20
SIM_TOKENS=64
SIM_TPS="${SIM_TPS:-0}"
# Streams are paced like a real model (64 tokens at 50/s is about 1.3 s per answer), so 200
# concurrent streams load the machine the way agents do and time to first token measures the
# gateway's pass-through delay, not queueing behind a saturated CPU.
STREAM_TPS="${STREAM_TPS:-50}"
HOST=127.0.0.1
# The gateway is the system under test: with PIN=1 it gets a core of its own, as it would on
# its own host, while the simulator and the load generator share the other one in both the
# direct and the gateway runs. Unpinned, every extra hop through the gateway also waits for
# the scheduler to find it a core among five busy JVM threads, which is not what it adds.
PIN="${PIN:-1}"
PROVIDER="${PROVIDER:-openai}"
case "$PROVIDER" in
  openai|anthropic|gemini) ;;
  *) echo "streaming-overhead: PROVIDER must be openai, anthropic or gemini, got '$PROVIDER'" >&2; exit 1 ;;
esac
NAME=streaming-overhead
# shellcheck source=load-tests/common.sh
source "load-tests/common.sh"

cat >"$WORK_DIR/gateway.yaml" <<YAML
server: {host: $HOST, port: $GATEWAY_PORT, managementPort: $MANAGEMENT_PORT}
providers:
  openai: {type: openai, baseUrl: "http://$HOST:$SIM_PORT/v1", apiKey: sim, models: [sim-gpt], forwardHeaders: ["x-sim-*"]}
  anthropic: {type: anthropic, baseUrl: "http://$HOST:$SIM_PORT", apiKey: sim, forwardHeaders: ["x-sim-*"]}
  gemini: {type: gemini, baseUrl: "http://$HOST:$SIM_PORT", apiKey: sim, forwardHeaders: ["x-sim-*"]}
tenants:
  - id: default
    keys: ["loadtest-key"]
YAML

echo "streaming-overhead: starting simulator on $HOST:$SIM_PORT (ttft ${SIM_TTFT_MS} ms, ${SIM_TOKENS} tokens, tps $SIM_TPS)" >&2
start_simulator --ttft-ms "$SIM_TTFT_MS" --tps "$SIM_TPS" --tokens "$SIM_TOKENS"
echo "streaming-overhead: starting gateway on $HOST:$GATEWAY_PORT (management $MANAGEMENT_PORT)" >&2
start_gateway

DIRECT=(--url "http://$HOST:$SIM_PORT/v1" --key sim --model sim-gpt)
GATEWAY=(--url "http://$HOST:$GATEWAY_PORT/v1" --key loadtest-key --model "$PROVIDER/sim-gpt")
PACED=(--header "x-sim-tps:$STREAM_TPS")
run_loadgen direct-stream "${DIRECT[@]}" --stream true "${PACED[@]}"
run_loadgen gateway-stream "${GATEWAY[@]}" --stream true "${PACED[@]}"
run_loadgen direct-json "${DIRECT[@]}" --stream false
run_loadgen gateway-json "${GATEWAY[@]}" --stream false

python3 - "$WORK_DIR" "$CONCURRENCY" "$WARMUP" "$DURATION" "$SIM_TTFT_MS" "$SIM_TOKENS" "$SIM_TPS" "$STREAM_TPS" "${#PIN_GATEWAY[@]}" "$PROVIDER" <<'PY'
import sys

sys.path.insert(0, "load-tests")
import loadgen_report  # noqa: E402

work_dir, concurrency, warmup, duration, ttft_ms, tokens, tps, stream_tps, pin, provider = sys.argv[1:11]
pinned = "gateway on CPU 1, simulator and loadgen on CPU 0" if pin != "0" else "no"
TARGET_ADDED_P50_MS = 0.3
TARGET_ADDED_P99_MS = 2.0
TARGET_JSON_RATIO_PCT = 40.0


def report(label):
    return loadgen_report.report(work_dir, label, "streaming-overhead")


runs = {label: report(label) for label in
        ("direct-stream", "gateway-stream", "direct-json", "gateway-json")}

print(f"\nMAS Gateway streaming overhead: concurrency {concurrency}, warmup {warmup}, "
      f"duration {duration}; simulator ttft {ttft_ms} ms, {tokens} tokens, "
      f"streams at {stream_tps} tokens/s, non-streamed answers at "
      f"{'once' if float(tps) <= 0 else tps + ' tokens/s'}; pinned: {pinned}; "
      f"gateway upstream: {provider}\n")
print(f"{'streaming':<16}{'req/s':>10}{'TTFT p50 ms':>14}{'TTFT p99 ms':>14}"
      f"{'total p99 ms':>14}{'tokens/s':>12}{'errors':>9}")
for name in ("direct", "gateway"):
    r = runs[f"{name}-stream"]
    print(f"  {name:<14}{r['rps']:>10.1f}{r['ttftMs']['p50']:>14.2f}{r['ttftMs']['p99']:>14.2f}"
          f"{r['latencyMs']['p99']:>14.2f}{r['tokensPerSec']:>12.0f}{r['errors']:>9}")
print(f"\n{'non-streaming':<16}{'req/s':>10}{'latency p50':>14}{'latency p99':>14}{'':>14}{'':>12}{'errors':>9}")
for name in ("direct", "gateway"):
    r = runs[f"{name}-json"]
    print(f"  {name:<14}{r['rps']:>10.1f}{r['latencyMs']['p50']:>14.2f}{r['latencyMs']['p99']:>14.2f}"
          f"{'':>14}{'':>12}{r['errors']:>9}")

added_p50 = runs["gateway-stream"]["ttftMs"]["p50"] - runs["direct-stream"]["ttftMs"]["p50"]
added_p99 = runs["gateway-stream"]["ttftMs"]["p99"] - runs["direct-stream"]["ttftMs"]["p99"]
direct_rps = runs["direct-json"]["rps"]
ratio = 100.0 * runs["gateway-json"]["rps"] / direct_rps if direct_rps > 0 else 0.0
checks = [
    ("added TTFT p50 (gateway - direct)", f"{added_p50:.2f} ms", f"<= {TARGET_ADDED_P50_MS} ms",
     added_p50 <= TARGET_ADDED_P50_MS),
    ("added TTFT p99 (gateway - direct)", f"{added_p99:.2f} ms", f"<= {TARGET_ADDED_P99_MS} ms",
     added_p99 <= TARGET_ADDED_P99_MS),
    ("non-streaming req/s, gateway/direct", f"{ratio:.1f} %", f">= {TARGET_JSON_RATIO_PCT:.0f} %",
     ratio >= TARGET_JSON_RATIO_PCT),
]
errors = {label: r["errors"] for label, r in runs.items() if r["errors"] or not r["requests"]}
if errors:
    checks.append(("runs without errors", ", ".join(f"{k}: {v}" for k, v in errors.items()),
                   "0 errors", False))

direct_ttft = runs["direct-stream"]["ttftMs"]["p50"]
if direct_ttft > 2 * float(ttft_ms):
    # Closed loop: TTFT = queueing + service once the cores are busy (Little's law), so the
    # difference measures the gateway's CPU cost per stream, not its pass-through delay.
    print(f"\nnote: direct TTFT p50 is {direct_ttft:.2f} ms for a simulated {ttft_ms} ms: the machine is "
          f"saturated and TTFT includes queueing. See load-tests/README.md, 'Reading the numbers'.")

print(f"\n{'check':<38}{'measured':>12}   {'target':<14}result")
for name, measured, target, ok in checks:
    print(f"  {name:<36}{measured:>12}   {target:<14}{'PASS' if ok else 'MISS'}")
sys.exit(0 if all(ok for *_, ok in checks) else 3)
PY
