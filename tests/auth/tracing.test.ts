import { join } from 'node:path';
import { ClientError, Status } from 'nice-grpc';
import { createApiKey } from '../../src/server/auth/api-keys';
import { bearer, emailTurn, tempDir } from '../support/auth';
import { recordSpans } from '../support/span-recorder';
import { startTestServer } from '../support/test-server';

describe('tracing with authentication on', () => {
  test('a refused call has its span with the refusal status; no span or log holds the key', async () => {
    const recorder = recordSpans();
    const keysFile = join(tempDir('keys'), 'keys.txt');
    const key = createApiKey('acme', keysFile);
    const t = await startTestServer({ tracing: true, auth: { apiKeysFile: keysFile } });
    try {
      await t.client.executePrimitive(emailTurn('t-1'), bearer(key));
      const refused = await t.client.executePrimitive(emailTurn('t-2'), bearer(`${key}x`)).catch((e: unknown) => e);
      expect(refused instanceof ClientError && refused.code).toBe(Status.PERMISSION_DENIED);
      const server = recorder.spans().filter((s) => s.name === 'voice_core.VoiceCoreService/ExecutePrimitive');
      expect(server.map((s) => s.attributes['rpc.grpc.status_code'])).toEqual([Status.OK, Status.PERMISSION_DENIED]);
      const everything = JSON.stringify(recorder.spans().map((s) => [s.name, s.attributes, s.events, s.status])) + JSON.stringify(t.logs);
      expect(everything).not.toContain(key);
    } finally {
      await t.close();
      await recorder.shutdown();
    }
  });
});
