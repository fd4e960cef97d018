# Shared by the load-test scripts: sourced after they set NAME (for messages and the work
# directory), JAR, JVM_OPTS, HOST, SIM_PORT, GATEWAY_PORT, MANAGEMENT_PORT and PIN. It checks the
# prerequisites and the ports, makes WORK_DIR, pins the JVMs when PIN=1, stops every process it
# knows of on exit (SIM_PID, GATEWAY_PID, LOADGEN_PID, REDIS_PID, RELAY_PID), and defines die, port_in_use,
# wait_until, start_simulator, start_gateway, start_beside_gateway, run_loadgen, scrape_gateway,
# gateway_compile_ms, settle_gateway_jit and wait_loadgen.

die() {
  echo "$NAME: $*" >&2
  exit 1
}

# The gateway is the system under test: with PIN=1 it gets a core of its own, as it would on its
# own host, while the simulator and the load generator share the other one.
PIN_GATEWAY=()
PIN_DRIVERS=()
if [[ "$PIN" == 1 ]] && command -v taskset >/dev/null && (( $(nproc) >= 2 )); then
  PIN_GATEWAY=(taskset -c 1)
  PIN_DRIVERS=(taskset -c 0)
fi

[[ -f "$JAR" ]] || die "$JAR not found; build it first with:  mvn -q -DskipTests package"
command -v java >/dev/null || die "java not found on PATH"
command -v python3 >/dev/null || die "python3 not found on PATH (it computes the comparison)"
command -v curl >/dev/null || die "curl not found on PATH (it polls the gateway's readiness)"

# True when something listens on host $1, port $2.
port_in_use() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}
for port in "$SIM_PORT" "$GATEWAY_PORT" "$MANAGEMENT_PORT"; do
  if port_in_use "$HOST" "$port"; then
    die "port $port on $HOST is already in use; stop whatever listens there first"
  fi
done

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/$NAME.XXXXXX")"
SIM_PID=""
GATEWAY_PID=""
LOADGEN_PID=""
REDIS_PID=""
RELAY_PID=""

stop_process() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  stop_process "$LOADGEN_PID"
  stop_process "$GATEWAY_PID"
  stop_process "$SIM_PID"
  stop_process "$REDIS_PID"
  stop_process "$RELAY_PID"
  echo "$NAME: logs and raw results kept in $WORK_DIR" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits until $1 (a command) succeeds, while process $2 lives; $3 names it, $4 is its log.
wait_until() {
  local probe="$1" pid="$2" name="$3" log="$4"
  for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log" >&2 || true
      die "$name exited during startup (log above, full log: $log)"
    fi
    if eval "$probe"; then
      return 0
    fi
    sleep 0.5
  done
  tail -n 30 "$log" >&2 || true
  die "$name was not ready after 60 s (log: $log)"
}

# Starts the simulator on $HOST:$SIM_PORT with the simulate options "$@" and waits for its port.
start_simulator() {
  # shellcheck disable=SC2086 # JVM_OPTS is a list of flags
  "${PIN_DRIVERS[@]}" java $JVM_OPTS -jar "$JAR" simulate --host "$HOST" --port "$SIM_PORT" "$@" \
    >"$WORK_DIR/simulator.log" 2>&1 &
  SIM_PID=$!
  wait_until "port_in_use $HOST $SIM_PORT" "$SIM_PID" "simulator" "$WORK_DIR/simulator.log"
}

# Starts the gateway with $WORK_DIR/gateway.yaml (tenant key loadtest-key) and waits until ready.
start_gateway() {
  # shellcheck disable=SC2086
  GATEWAY_API_KEY=loadtest-key "${PIN_GATEWAY[@]}" java $JVM_OPTS -jar "$JAR" --config "$WORK_DIR/gateway.yaml" \
    >"$WORK_DIR/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  wait_until "curl -fsS -o /dev/null 2>/dev/null http://$HOST:$MANAGEMENT_PORT/health/ready" \
    "$GATEWAY_PID" "gateway" "$WORK_DIR/gateway.log"
}

# Starts "$@" beside the gateway (on its core with PIN=1), logging to $WORK_DIR/$2.log, waits until
# $HOST:$3 accepts connections, and stores its pid in the variable named $1 (stopped on exit).
start_beside_gateway() {
  local pid_var="$1" name="$2" port="$3"
  shift 3
  port_in_use "$HOST" "$port" && die "port $port on $HOST is already in use"
  "${PIN_GATEWAY[@]}" "$@" >"$WORK_DIR/$name.log" 2>&1 &
  printf -v "$pid_var" '%s' "$!"
  wait_until "port_in_use $HOST $port" "$!" "$name" "$WORK_DIR/$name.log"
}

# Runs loadgen once, closed loop with CONCURRENCY users, WARMUP and DURATION, JSON report in
# $WORK_DIR/$1.out; $1 names the run, the rest are further loadgen options. In the background and
# waited for, so that a signal to the script runs the trap at once instead of after the run.
run_loadgen() {
  local label="$1"
  shift
  echo "$NAME: run $label (concurrency $CONCURRENCY, warmup $WARMUP, duration $DURATION)" >&2
  # shellcheck disable=SC2086
  "${PIN_DRIVERS[@]}" java $JVM_OPTS -jar "$JAR" loadgen --label "$label" --concurrency "$CONCURRENCY" \
    --warmup "$WARMUP" --duration "$DURATION" --json "$@" \
    >"$WORK_DIR/$label.out" 2>"$WORK_DIR/$label.err" &
  LOADGEN_PID=$!
  wait_loadgen "$label"
}

# Saves a scrape of the gateway's metrics (Prometheus text) to $1.
scrape_gateway() {
  curl -fsS "http://$HOST:$MANAGEMENT_PORT/metrics" >"$1" || die "could not read the gateway's metrics"
}

# The gateway's JIT compile time so far, in milliseconds (loadgen_report.compile_ms of a scrape).
gateway_compile_ms() {
  scrape_gateway "$WORK_DIR/metrics-now.txt"
  python3 -c 'import sys; sys.path.insert(0, "load-tests"); import loadgen_report
print(int(loadgen_report.compile_ms(sys.argv[1])))' "$WORK_DIR/metrics-now.txt"
}

# Puts unreported load "$@" (loadgen options) through the gateway in slices of JIT_SLICE seconds
# (default 20) until, in one slice, its JIT compiler spent under JIT_QUIET_PCT % of the slice
# compiling (default 2), or JIT_SETTLE_MAX seconds have passed (default 300; then it warns). On
# one core busy with the load, C2 needs minutes to compile the hot paths, and a measured run
# that overlaps it pays for the compiler's share of the core.
settle_gateway_jit() {
  local slice="${JIT_SLICE:-20}" quiet="${JIT_QUIET_PCT:-2}" max="${JIT_SETTLE_MAX:-300}"
  local waited=0 before after
  while ((waited < max)); do
    before=$(gateway_compile_ms) || die "could not read the gateway's metrics"
    WARMUP=0s DURATION="${slice}s" run_loadgen "settle-$waited" "$@"
    after=$(gateway_compile_ms) || die "could not read the gateway's metrics"
    waited=$((waited + slice))
    echo "$NAME: the gateway's JIT compiled for $((after - before)) ms in the last ${slice} s" >&2
    if (((after - before) * 100 < quiet * slice * 1000)); then
      return 0
    fi
  done
  echo "$NAME: warning: the gateway's JIT was still compiling after ${max} s of load" >&2
}

# Waits for the loadgen run $1 started in the background as LOADGEN_PID; dies when it failed.
wait_loadgen() {
  if ! wait "$LOADGEN_PID"; then
    LOADGEN_PID=""
    cat "$WORK_DIR/$1.err" >&2
    die "loadgen run $1 failed (output: $WORK_DIR/$1.out)"
  fi
  LOADGEN_PID=""
}
