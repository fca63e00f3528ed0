#!/usr/bin/env bash
# Profiles the Voice Core server under h2load (64 in flight): node --cpu-prof, then a summary by package and function.
# MODE=plain (default) | tracing-sampled | tracing-unsampled | metrics (bench/observed-server, needs dist-bench/:
# `tsc -p tsconfig.bench.json`) | redis (a redis-server of its own, on CPU $REDIS_CPU (default 0, the server's); its EVALSHA
# commandstats are printed too).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-50071}
mode=${MODE:-plain}
dir=$(mktemp -d)
redis_pid=
case "$mode" in
  plain) args=(dist/src/cli/main.js serve --host 127.0.0.1 --port "$port") ;;
  redis)
    redis_port=$((port + 1))
    taskset -c "${REDIS_CPU:-0}" redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >/dev/null &
    redis_pid=$!
    export VOICE_CORE_REDIS_URL=redis://127.0.0.1:$redis_port
    args=(dist/src/cli/main.js serve --host 127.0.0.1 --port "$port") ;;
  *) args=(dist-bench/bench/observed-server.js "$port" "$mode") ;;
esac
taskset -c 0 node --cpu-prof --cpu-prof-dir="$dir" "${args[@]}" >/dev/null &
pid=$!
sleep 1.5
npx ts-node --transpile-only -e "
const { grpcBody, h2load } = require('./bench/lib');
const { ExecutePrimitiveRequest } = require('./generated/voice_core/voice_core');
const { SEED_REQUEST } = require('./bench/server-throughput');
(async () => {
  const body = grpcBody('profile', ExecutePrimitiveRequest.encode(ExecutePrimitiveRequest.fromJSON(SEED_REQUEST)).finish());
  for (let i = 0; i < 3; i++) console.log(JSON.stringify(await h2load($port, '/voice_core.VoiceCoreService/ExecutePrimitive', body, 30000, 1, 64, $pid)));
})();"
kill -TERM "$pid"; wait "$pid" || true
if [ -n "$redis_pid" ]; then
  redis-cli -p "$redis_port" INFO commandstats | grep -E 'evalsha|cmdstat_get|cmdstat_set|xadd' || true
  kill -TERM "$redis_pid"; wait "$redis_pid" || true
fi
npx ts-node --transpile-only bench/profile-summary.ts "$dir"/*.cpuprofile "${TOP:-50}"
