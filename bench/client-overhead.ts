/**
 * Client overhead: VoiceCoreClient (breaker, deadline, trace middleware, typed results) against
 * a bare nice-grpc client, calling the same Voice Core server. The server runs on one core; this
 * process, the client, on the other. Reported: calls/s at 1 and 64 in flight, and client CPU per call.
 */
import { createChannel, createClient } from 'nice-grpc';
import { ExecutePrimitiveRequest, VoiceCoreServiceDefinition } from '../generated/voice_core/voice_core';
import { createVoiceCoreClient } from '../src/client';
import { freePort, LOAD_CPU, median, pinSelf, SERVER_CPU, spawnPinned, waitUntil } from './lib';
import { SEED_REQUEST } from './server-throughput';

type Call = () => Promise<unknown>;

async function drive(call: Call, total: number, inFlight: number): Promise<{ rps: number; cpuUsPerCall: number }> {
  let started = 0;
  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const worker = async (): Promise<void> => {
    while (started < total) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const used = process.cpuUsage(cpu);
  return { rps: total / seconds, cpuUsPerCall: (used.user + used.system) / total };
}

export interface ClientOverheadRow {
  client: string;
  inFlight: number;
  rps: number;
  cpuUsPerCall: number;
}

export async function benchClientOverhead(options: { rounds: number; calls: number }): Promise<ClientOverheadRow[]> {
  pinSelf(LOAD_CPU);
  const port = await freePort();
  const server = spawnPinned(
    SERVER_CPU,
    process.execPath,
    ['dist/src/cli/main.js', 'serve', '--host', '127.0.0.1', '--port', String(port)],
    {
      VOICE_CORE_LOG_LEVEL: 'warn',
    },
  );
  const endpoint = `127.0.0.1:${port}`;
  const channel = createChannel(endpoint);
  const bare = createClient(VoiceCoreServiceDefinition, channel);
  const sdk = createVoiceCoreClient({ useGrpc: true, endpoint });
  const request = ExecutePrimitiveRequest.fromJSON(SEED_REQUEST);
  const params = { transcription: 'jane@gmail.com', confidence: 0.85, confirmation: 'yes' };
  const clients: Array<[string, Call]> = [
    ['bare nice-grpc', () => bare.executePrimitive(request)],
    [
      'VoiceCoreClient',
      () => sdk.executePrimitive('capture_email_au', params, { conversationId: 'test-001', traceId: 'trace-001', purpose: 'Test' }),
    ],
  ];
  try {
    await waitUntil(async () => (await bare.executePrimitive(request)).success);
    for (const [, call] of clients) await drive(call, 5000, 64);
    const runs = new Map<string, Array<{ rps: number; cpuUsPerCall: number }>>();
    for (let round = 0; round < options.rounds; round++) {
      for (const inFlight of [1, 64]) {
        for (const [name, call] of clients) {
          const key = `${name}@${inFlight}`;
          runs.set(key, [...(runs.get(key) ?? []), await drive(call, inFlight === 1 ? options.calls / 4 : options.calls, inFlight)]);
        }
      }
    }
    const rows: ClientOverheadRow[] = [];
    for (const inFlight of [1, 64]) {
      for (const [name] of clients) {
        const r = runs.get(`${name}@${inFlight}`) ?? [];
        rows.push({ client: name, inFlight, rps: median(r.map((x) => x.rps)), cpuUsPerCall: median(r.map((x) => x.cpuUsPerCall)) });
      }
    }
    return rows;
  } finally {
    sdk.close();
    channel.close();
    await server.stop();
  }
}

if (require.main === module) {
  void benchClientOverhead({ rounds: Number(process.argv[2] ?? 3), calls: Number(process.argv[3] ?? 20_000) }).then((rows) =>
    console.table(rows),
  );
}
