#!/usr/bin/env bash
# Streaming overhead of the gateway: the same closed-loop load, once straight to the simulator
# and once through the gateway, streaming and non-streaming, in one run on this machine.
#
#   mvn -q -DskipTests package                 # once: builds target/mas-gateway.jar
#   load-tests/streaming-overhead.sh           # 9 to 14 minutes with the defaults
#   CONCURRENCY=50 DURATION=10s load-tests/streaming-overhead.sh
#
# Environment (all optional):
#   CONCURRENCY   virtual users = connections per run          (default 200)
#   DURATION      measured time per run                          (default 20s)
#   WARMUP        unmeasured time before it, per run (the load generator's own JIT) (default 10s)
#   GATEWAY_WARMUP  unreported load through the gateway before the first measured run; after it
#                 (and a non-streaming prime) streaming load goes on in slices until the gateway's
#                 JIT compiler is done: JIT_SLICE, JIT_QUIET_PCT, JIT_SETTLE_MAX in common.sh
#                 (default 60s)
#   ROUNDS        direct/gateway streaming pairs, alternating which goes first; the added
#                 time is the median over the pairs                          (default 3)
#   JVM_OPTS      JVM flags of simulator, gateway and loadgen   (default below)
#   STREAM_TPS    tokens per second of each streamed answer, like a real model  (default 50)
#   SIM_TPS       tokens per second of non-streamed answers, 0 = at once        (default 0)
#   MAS_GATEWAY_JAR  the jar to run                  (default target/mas-gateway.jar)
#   PIN           1 = gateway alone on CPU 1, simulator and loadgen on CPU 0 (taskset); 0 = all
#                 share every core                                         (default 1)
#   RELAY         auto = when haproxy is on the PATH, every round also streams through a bare TCP
#                 relay (HAProxy, mode tcp, one thread) in the gateway's place and on its core: the
#                 cost of one more process in the path on this machine, with no HTTP and no logic,
#                 to read the gateway's added time against; 1 = required; 0 = off  (default auto)
#   PROVIDER      the gateway's upstream: openai (pass-through), anthropic or gemini (the
#                 simulator answers in that wire format and the gateway translates it); the
#                 direct runs always speak OpenAI to the simulator          (default openai)
#
# Every process listens on, and every request goes to, 127.0.0.1 only: simulator 18090,
# gateway 18080 (management 19090), relay 18081. Every server is stopped when the script exits.
# Exit codes: 0 all targets met, 3 a target missed, 1 the run itself failed.
set -euo pipefail

cd "$(dirname "$0")/.."

CONCURRENCY="${CONCURRENCY:-200}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
GATEWAY_WARMUP="${GATEWAY_WARMUP:-60s}"
ROUNDS="${ROUNDS:-3}"
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
RELAY="${RELAY:-auto}"
RELAY_PORT=18081
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

SIDES=(direct gateway)
if [[ "$RELAY" == 1 ]] || { [[ "$RELAY" == auto ]] && command -v haproxy >/dev/null; }; then
  command -v haproxy >/dev/null || die "RELAY=1 needs haproxy on the PATH"
  cat >"$WORK_DIR/relay.cfg" <<CFG
global
  nbthread 1
  maxconn 4096
defaults
  mode tcp
  timeout connect 5s
  timeout client 120s
  timeout server 120s
frontend relay
  bind $HOST:$RELAY_PORT
  default_backend simulator
backend simulator
  server simulator $HOST:$SIM_PORT
CFG
  echo "streaming-overhead: starting a bare TCP relay (haproxy) on $HOST:$RELAY_PORT" >&2
  start_beside_gateway RELAY_PID relay "$RELAY_PORT" haproxy -f "$WORK_DIR/relay.cfg" -db
  SIDES+=(relay)
fi
DIRECT=(--url "http://$HOST:$SIM_PORT/v1" --key sim --model sim-gpt)
RELAYED=(--url "http://$HOST:$RELAY_PORT/v1" --key sim --model sim-gpt)
GATEWAY=(--url "http://$HOST:$GATEWAY_PORT/v1" --key loadtest-key --model "$PROVIDER/sim-gpt")
PACED=(--header "x-sim-tps:$STREAM_TPS")
# Unreported: the gateway's JIT settles (streaming and non-streaming paths) before anything is
# measured, so no measured run pays for compiling the gateway while the others do not.
WARMUP="$GATEWAY_WARMUP" DURATION=5s run_loadgen prime-stream "${GATEWAY[@]}" --stream true "${PACED[@]}"
WARMUP=15s DURATION=5s run_loadgen prime-json "${GATEWAY[@]}" --stream false
settle_gateway_jit "${GATEWAY[@]}" --stream true "${PACED[@]}"
scrape_gateway "$WORK_DIR/metrics-before-streams.txt"
# Rounds in alternating order, so that the drift of a shared machine hits every side alike.
for round in $(seq 1 "$ROUNDS"); do
  order=()
  for side in "${SIDES[@]}"; do
    if (( round % 2 )); then order+=("$side"); else order=("$side" "${order[@]}"); fi
  done
  for side in "${order[@]}"; do
    case "$side" in
      direct) target=("${DIRECT[@]}") ;;
      relay) target=("${RELAYED[@]}") ;;
      *) target=("${GATEWAY[@]}") ;;
    esac
    run_loadgen "$side-stream-$round" "${target[@]}" --stream true "${PACED[@]}"
  done
done
# The gateway's own share of the time to first token (mas_gateway_overhead_seconds), as its
# percentiles over the last two minutes stand now: the last streaming rounds, nothing else.
scrape_gateway "$WORK_DIR/metrics-after-streams.txt"
run_loadgen direct-json "${DIRECT[@]}" --stream false
run_loadgen gateway-json "${GATEWAY[@]}" --stream false

python3 - "$WORK_DIR" "$CONCURRENCY" "$WARMUP" "$DURATION" "$SIM_TTFT_MS" "$SIM_TOKENS" "$SIM_TPS" "$STREAM_TPS" "${#PIN_GATEWAY[@]}" "$PROVIDER" "$ROUNDS" "$GATEWAY_WARMUP" "${SIDES[*]}" <<'PY'
import statistics
import sys

sys.path.insert(0, "load-tests")
import loadgen_report  # noqa: E402

(work_dir, concurrency, warmup, duration, ttft_ms, tokens, tps, stream_tps, pin, provider, rounds,
 gateway_warmup, sides) = sys.argv[1:14]
sides = sides.split()
rounds = int(rounds)
pinned = "gateway on CPU 1, simulator and loadgen on CPU 0" if pin != "0" else "no"
TARGET_ADDED_P50_MS = 0.3
TARGET_ADDED_P99_MS = 2.0
TARGET_JSON_RATIO_PCT = 40.0


def report(label):
    return loadgen_report.report(work_dir, label, "streaming-overhead")


labels = [f"{side}-stream-{r}" for r in range(1, rounds + 1) for side in sides]
runs = {label: report(label) for label in labels + ["direct-json", "gateway-json"]}

print(f"\nMAS Gateway streaming overhead: concurrency {concurrency}, gateway warm-up {gateway_warmup}, "
      f"then per run warm-up {warmup} and {duration} measured; simulator ttft {ttft_ms} ms, {tokens} tokens, "
      f"streams at {stream_tps} tokens/s, non-streamed answers at "
      f"{'once' if float(tps) <= 0 else tps + ' tokens/s'}; pinned: {pinned}; "
      f"gateway upstream: {provider}\n")
print(f"{'streaming':<20}{'req/s':>10}{'TTFT p50 ms':>14}{'TTFT p99 ms':>14}"
      f"{'total p99 ms':>14}{'tokens/s':>12}{'errors':>9}")
added = {"p50": [], "p99": []}
relayed = {"p50": [], "p99": []}
for r in range(1, rounds + 1):
    for side in sides:
        x = runs[f"{side}-stream-{r}"]
        print(f"  {side + ' ' + str(r):<18}{x['rps']:>10.1f}{x['ttftMs']['p50']:>14.2f}{x['ttftMs']['p99']:>14.2f}"
              f"{x['latencyMs']['p99']:>14.2f}{x['tokensPerSec']:>12.0f}{x['errors']:>9}")
    for p in added:
        direct = runs[f"direct-stream-{r}"]["ttftMs"][p]
        added[p].append(runs[f"gateway-stream-{r}"]["ttftMs"][p] - direct)
        if "relay" in sides:
            relayed[p].append(runs[f"relay-stream-{r}"]["ttftMs"][p] - direct)
for p in added:
    print(f"  added TTFT {p}, per round: " + " / ".join(f"{v:.2f}" for v in added[p]) + " ms")
if "relay" in sides:
    # A bare TCP relay (HAProxy) in the gateway's place and on its core: what one more process
    # in the path costs on this machine before any HTTP or gateway logic.
    for p in relayed:
        print(f"  added TTFT {p} by the bare relay, per round: " + " / ".join(f"{v:.2f}" for v in relayed[p])
              + f" ms (median {statistics.median(relayed[p]):.2f})")
    beyond = statistics.median(g - r for g, r in zip(added["p50"], relayed["p50"]))
    print(f"  added TTFT p50, gateway beyond the relay, median of rounds: {beyond:.2f} ms")
print(f"\n{'non-streaming':<20}{'req/s':>10}{'latency p50':>14}{'latency p99':>14}{'':>14}{'':>12}{'errors':>9}")
for name in ("direct", "gateway"):
    x = runs[f"{name}-json"]
    print(f"  {name:<18}{x['rps']:>10.1f}{x['latencyMs']['p50']:>14.2f}{x['latencyMs']['p99']:>14.2f}"
          f"{'':>14}{'':>12}{x['errors']:>9}")

own = loadgen_report.overhead_quantiles(f"{work_dir}/metrics-after-streams.txt")
jit_ms = (loadgen_report.compile_ms(f"{work_dir}/metrics-after-streams.txt")
          - loadgen_report.compile_ms(f"{work_dir}/metrics-before-streams.txt"))
print(f"\nthe gateway's JIT compiled for {jit_ms:.0f} ms during the streaming rounds (on the gateway's core)")
print("\nthe gateway's own time, from its metric mas_gateway_overhead_seconds (last streaming rounds):")
for part, label in (("request", "request read -> upstream request handed on"),
                    ("first_event", "first event read upstream -> written to the client")):
    q = own.get(part, {})
    print(f"  {label:<52}" + "  ".join(f"p{int(float(k) * 100)} {v * 1000:.3f} ms" for k, v in sorted(q.items())))

added_p50 = statistics.median(added["p50"])
added_p99 = statistics.median(added["p99"])
direct_rps = runs["direct-json"]["rps"]
ratio = 100.0 * runs["gateway-json"]["rps"] / direct_rps if direct_rps > 0 else 0.0
checks = [
    ("added TTFT p50, median of rounds", f"{added_p50:.2f} ms", f"<= {TARGET_ADDED_P50_MS} ms",
     added_p50 <= TARGET_ADDED_P50_MS),
    ("added TTFT p99, median of rounds", f"{added_p99:.2f} ms", f"<= {TARGET_ADDED_P99_MS} ms",
     added_p99 <= TARGET_ADDED_P99_MS),
    ("non-streaming req/s, gateway/direct", f"{ratio:.1f} %", f">= {TARGET_JSON_RATIO_PCT:.0f} %",
     ratio >= TARGET_JSON_RATIO_PCT),
]
errors = {label: x["errors"] for label, x in runs.items() if x["errors"] or not x["requests"]}
if errors:
    checks.append(("runs without errors", ", ".join(f"{k}: {v}" for k, v in errors.items()),
                   "0 errors", False))

direct_ttft = statistics.median(runs[f"direct-stream-{r}"]["ttftMs"]["p50"] for r in range(1, rounds + 1))
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
