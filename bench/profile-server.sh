#!/usr/bin/env bash
# Profiles the Voice Core server under h2load (64 in flight): node --cpu-prof, then a summary by package and function.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-50071}
dir=$(mktemp -d)
taskset -c 0 node --cpu-prof --cpu-prof-dir="$dir" dist/src/cli/main.js serve --host 127.0.0.1 --port "$port" >/dev/null &
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
npx ts-node --transpile-only bench/profile-summary.ts "$dir"/*.cpuprofile "${TOP:-50}"
