/** Profiles VoiceCoreClient calls (run with node --cpu-prof): 64 in flight against a server on the other core. */
import { createVoiceCoreClient } from '../src/client';
import { freePort, LOAD_CPU, pinSelf, SERVER_CPU, spawnPinned, waitUntil } from './lib';

async function main(): Promise<void> {
  pinSelf(LOAD_CPU);
  const port = await freePort();
  const server = spawnPinned(
    SERVER_CPU,
    process.execPath,
    ['dist/src/cli/main.js', 'serve', '--host', '127.0.0.1', '--port', String(port)],
    { VOICE_CORE_LOG_LEVEL: 'warn' },
  );
  const sdk = createVoiceCoreClient({ useGrpc: true, endpoint: `127.0.0.1:${port}` });
  const params = { transcription: 'jane@gmail.com', confidence: 0.85, confirmation: 'yes' };
  const call = () =>
    sdk.executePrimitive('capture_email_au', params, { conversationId: 'test-001', traceId: 'trace-001', purpose: 'Test' });
  await waitUntil(async () => (await sdk.healthCheck()).serving);
  let left = Number(process.argv[2] ?? 30000);
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (left-- > 0) await call();
    }),
  );
  sdk.close();
  await server.stop();
}
void main();
