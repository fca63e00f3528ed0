import { Client, credentials, status as GrpcStatus } from '@grpc/grpc-js';
import { ClientError, Status } from 'nice-grpc';
import { join } from 'node:path';
import { createApiKey } from '../../src/server/auth/api-keys';
import { emailTurn, tempDir } from '../support/auth';
import { startTestServer } from '../support/test-server';

const REFLECTION_PATH = '/grpc.reflection.v1.ServerReflection/ServerReflectionInfo';

/** One reflection exchange (list_services, field 7) with raw bytes; resolves with the call's status. */
function reflect(address: string): Promise<{ code: number; replies: number }> {
  const client = new Client(address, credentials.createInsecure());
  return new Promise((resolve) => {
    let replies = 0;
    const call = client.makeBidiStreamRequest(
      REFLECTION_PATH,
      (b: Buffer) => b,
      (b: Buffer) => b,
    );
    call.on('data', () => (replies += 1));
    call.on('error', () => undefined);
    call.on('status', (s: { code: number }) => {
      client.close();
      resolve({ code: s.code, replies });
    });
    call.write(Buffer.from([0x3a, 0x00]));
    call.end();
  });
}

describe('reflection and metrics with authentication on', () => {
  test('reflection is on by default (open like health), and off with reflection: false', async () => {
    const keysFile = join(tempDir('keys'), 'keys.txt');
    createApiKey('acme', keysFile);
    const on = await startTestServer({ auth: { apiKeysFile: keysFile } });
    const off = await startTestServer({ reflection: false });
    try {
      expect(await reflect(on.address)).toEqual({ code: GrpcStatus.OK, replies: 1 });
      expect((await reflect(off.address)).code).toBe(GrpcStatus.UNIMPLEMENTED);
    } finally {
      await on.close();
      await off.close();
    }
  });

  test('refused calls are counted by the server metrics under their status', async () => {
    const keysFile = join(tempDir('keys'), 'keys.txt');
    createApiKey('acme', keysFile);
    const t = await startTestServer({ auth: { apiKeysFile: keysFile }, metrics: { port: 0, host: '127.0.0.1' } });
    try {
      const error = await t.client.executePrimitive(emailTurn('r-1')).catch((e: unknown) => e);
      expect(error instanceof ClientError && error.code).toBe(Status.UNAUTHENTICATED);
      const exposition = await (await fetch(`http://127.0.0.1:${t.server.metrics!.port}/metrics`)).text();
      expect(exposition).toMatch(/grpc_server_handled_total\{[^}]*grpc_method="ExecutePrimitive"[^}]*grpc_code="UNAUTHENTICATED"[^}]*\} 1/);
    } finally {
      await t.close();
    }
  });
});
