#!/usr/bin/env bash
# Runs the same load against the gateway (embedded Payara Micro) and then against the reference
# peer, on this machine, one after the other, and prints both sets of figures with their ratios.
#
#   bench/compare.sh [PEER_DIR]
#
# PEER_DIR holds peer.sh (default: $ONEBOT_PEER_DIR, else ../shared/bench beside the project).
# Environment:
#   GATEWAY_PORT (3101), PEER_PORT (27111), PEER_CONTROL_PORT (27112)   ports to listen on
#   BENCH_ARGS        more -Dbench.* options for both runs, e.g. "-Dbench.repeat=1 -Dbench.phases=api"
#   BENCH_JVM_ARGS    options of the load tool's JVM (-Xmx2g)
#   GATEWAY_JVM_ARGS  options of the gateway's JVM (-Xmx2g)
#   BENCH_JFR         seconds of JFR recording of the gateway from the start of the run (0 = none)
#   BENCH_OUT         where logs and figures go (target/bench)
# Needs: JDK 17, Maven with the project's dependencies, Node.js 20 for the peer, and
# `ulimit -n` of at least 12000 (10 000 connections are open at once in the burst phase).
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEER_DIR="${1:-${ONEBOT_PEER_DIR:-$PROJECT/../shared/bench}}"
GATEWAY_PORT="${GATEWAY_PORT:-3101}"
PEER_PORT="${PEER_PORT:-27111}"
PEER_CONTROL_PORT="${PEER_CONTROL_PORT:-27112}"
BENCH_ARGS="${BENCH_ARGS:-}"
BENCH_JVM_ARGS="${BENCH_JVM_ARGS:--Xmx2g}"
GATEWAY_JVM_ARGS="${GATEWAY_JVM_ARGS:--Xmx2g}"
BENCH_JFR="${BENCH_JFR:-0}"
OUT="${BENCH_OUT:-$PROJECT/target/bench}"
PAYARA_VERSION=6.2025.10

[ -x "$PEER_DIR/peer.sh" ] || { echo "no peer.sh in $PEER_DIR (give the folder as argument or ONEBOT_PEER_DIR)" >&2; exit 2; }
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 12000 ]; then
  ulimit -n 20000 2>/dev/null || echo "warning: ulimit -n is $(ulimit -n); the 10000-connection phases will fail" >&2
fi
mkdir -p "$OUT"

STARTED=()
cleanup() {
  for pid in "${STARTED[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

echo "== building the WAR and the load tool"
cd "$PROJECT"
mvn -q -B package -DskipTests
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
mvn -q -B dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -DoutputDirectory="$OUT" \
  -Dmdep.stripVersion=true
CLASSPATH_BENCH="$PROJECT/target/test-classes:$PROJECT/target/classes:$(cat "$OUT/classpath.txt")"

run_tool() { # NAME PID INJECT_URL URL [extra -D options]
  local name="$1" pid="$2" inject="$3" url="$4"
  shift 4
  # shellcheck disable=SC2086
  java $BENCH_JVM_ARGS -cp "$CLASSPATH_BENCH" -Dbench.url="$url" -Dbench.pid="$pid" -Dbench.inject="$inject" \
    -Dbench.out="$OUT/$name.properties" "$@" $BENCH_ARGS io.onebot.gateway.bench.Bench | tee "$OUT/$name.txt"
}

wait_for() { # FILE PATTERN SECONDS PID
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    grep -qE "$2" "$1" 2>/dev/null && return 0
    kill -0 "$4" 2>/dev/null || { echo "process $4 ended before it was ready; see $1" >&2; return 1; }
    sleep 0.1
  done
  echo "not ready after $3 s; see $1" >&2
  return 1
}

echo "== gateway on embedded Payara Micro, port $GATEWAY_PORT"
sed "s/^onebot.network.websocketServers.bench.port=.*/onebot.network.websocketServers.bench.port=$GATEWAY_PORT/" \
  "$PROJECT/bench/onebot-bench.properties" > "$OUT/onebot-bench.properties"
# shellcheck disable=SC2086
java $GATEWAY_JVM_ARGS -jar "$OUT/payara-micro.jar" --nohazelcast --port "$GATEWAY_PORT" \
  --systemproperties "$OUT/onebot-bench.properties" --deploy "$PROJECT/target/onebot.war" --contextroot / \
  > "$OUT/gateway.log" 2>&1 &
GATEWAY_PID=$!
STARTED+=("$GATEWAY_PID")
wait_for "$OUT/gateway.log" 'Payara Micro .* ready' 240 "$GATEWAY_PID"
if [ "$BENCH_JFR" -gt 0 ]; then
  jcmd "$GATEWAY_PID" JFR.start settings=profile duration="${BENCH_JFR}s" filename="$OUT/gateway.jfr" >/dev/null
fi
run_tool gateway "$GATEWAY_PID" "http://127.0.0.1:$GATEWAY_PORT/sandbox/events" "ws://127.0.0.1:$GATEWAY_PORT/"
kill "$GATEWAY_PID"
wait "$GATEWAY_PID" 2>/dev/null || true

echo "== reference peer, port $PEER_PORT"
"$PEER_DIR/peer.sh" --port "$PEER_PORT" --control-port "$PEER_CONTROL_PORT" --heartbeat 30000 --quiet \
  > "$OUT/peer.log" 2>&1 &
STARTED+=("$!")
PEER_SCRIPT_PID=$!
wait_for "$OUT/peer.log" 'PEER READY pid=' 120 "$PEER_SCRIPT_PID"
PEER_PID="$(sed -n 's/.*PEER READY pid=\([0-9]*\).*/\1/p' "$OUT/peer.log" | head -n 1)"
STARTED+=("$PEER_PID")
run_tool peer "$PEER_PID" "http://127.0.0.1:$PEER_CONTROL_PORT/_inject" "ws://127.0.0.1:$PEER_PORT/" -Dbench.heap=false
kill "$PEER_PID" 2>/dev/null || true
wait "$PEER_SCRIPT_PID" 2>/dev/null || true

echo "== gateway / peer"
java -cp "$CLASSPATH_BENCH" io.onebot.gateway.bench.BenchComparison "$OUT/gateway.properties" "$OUT/peer.properties" \
  | tee "$OUT/comparison.txt"
