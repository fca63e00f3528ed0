import { createVoiceCoreClient, VoiceCoreError } from '../../src';
import { silentLogger } from '../../src/runtime/logger';
import { startVoiceCoreServer, type RunningServer } from '../../src/server/server';
import { freePort } from '../support/free-port';

/**
 * Finding 8b: after an outage, the breaker's half-open probes met the channel still in grpc-js's
 * reconnect backoff and failed at once (UNAVAILABLE, ECONNREFUSED from the last attempt); the
 * breaker re-opened with a doubled cooldown and recovery took 11.6 s after a 3.4 s outage. A probe
 * now waits for the channel to be ready within its deadline, so it succeeds as soon as a reconnect
 * does. The client keeps grpc-js's default reconnect backoff here: that backoff is the point.
 */

const COOLDOWN_MS = 2000;
const OUTAGE_MS = 3400;

function serve(port: number): Promise<RunningServer> {
  return startVoiceCoreServer({ address: `127.0.0.1:${port}`, logger: silentLogger, drainTimeoutMs: 200 });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('after a 3.4 s outage the breaker closes within its cooldown plus a margin of the server coming back', async () => {
  const port = await freePort();
  let server = await serve(port);
  const client = createVoiceCoreClient({
    useGrpc: true,
    endpoint: `127.0.0.1:${port}`,
    circuitBreaker: { cooldownMs: COOLDOWN_MS },
  });
  const reopenings: number[] = [];
  client.onCircuitStateChange((change) => {
    if (change.from === 'half-open' && change.to === 'open') reopenings.push(change.at);
  });
  const capture = (n: number) =>
    client.executePrimitive('capture_number', { transcription: 'forty two' }, { conversationId: `probe-${n}`, timeoutSeconds: 5 });
  try {
    await expect(capture(0)).resolves.toMatchObject({ success: true });

    // The outage: every call fails until the breaker opens.
    await server.shutdown();
    const down = Date.now();
    for (let i = 1; client.circuitState().state === 'closed'; i++) {
      await expect(capture(i)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    }
    await sleep(OUTAGE_MS - (Date.now() - down));
    server = await serve(port);
    const back = Date.now();

    // Callers keep calling; refusals while open cost nothing. The probes decide.
    let n = 100;
    while (client.circuitState().state !== 'closed') {
      if (Date.now() - back > 30_000) throw new Error('the breaker did not close within 30 s of the server coming back');
      const outcome = await capture(n++).catch((error: unknown) => error);
      if (outcome instanceof VoiceCoreError && outcome.code === 'CIRCUIT_BREAKER_OPEN') await sleep(20);
    }
    const recoveryMs = Date.now() - back;
    console.log(
      `breaker closed (${reopenings.length} re-openings) ${(recoveryMs / 1000).toFixed(2)} s after the server came back (outage ${OUTAGE_MS} ms)`,
    );
    // The cooldown left when the server came back, plus a reconnect: never a re-opening.
    expect(reopenings).toEqual([]);
    expect(recoveryMs).toBeLessThan(COOLDOWN_MS + 1500);
  } finally {
    client.close();
    await server.shutdown();
  }
}, 60_000);
