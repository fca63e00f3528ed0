import { BinaryWriter } from '@bufbuild/protobuf/wire';
import fc from 'fast-check';
import { ClientError, Status } from 'nice-grpc';
import { ErrorCode } from '../../generated/voice_core/voice_core';
import { RawGrpc } from '../support/raw-grpc';
import { startTestServer, type TestServer } from '../support/test-server';
import { fuzzCase, fuzzSeed, GARBAGE_MARKERS, VALUE_SHAPES } from './fuzz-cases';

const EXECUTE = '/voice_core.VoiceCoreService/ExecutePrimitive';
/** Statuses a refused request may get through gRPC (NOT_FOUND: garbage that decodes to an unknown objective type). */
// RESOURCE_EXHAUSTED: a request over the 64 KiB message limit (100 000-character inputs) is refused whole.
const REFUSED = [Status.INVALID_ARGUMENT, Status.FAILED_PRECONDITION, Status.NOT_FOUND, Status.RESOURCE_EXHAUSTED];

function validRequest(): Uint8Array {
  return new BinaryWriter()
    .uint32(10)
    .string('capture_number')
    .uint32(18)
    .string('wire-ok')
    .uint32(42)
    .fork()
    .uint32(10)
    .string('transcription')
    .uint32(18)
    .string('forty two')
    .join()
    .finish();
}

describe('fuzz: through real gRPC', () => {
  let t: TestServer;
  let raw: RawGrpc;
  beforeAll(async () => {
    t = await startTestServer();
    raw = new RawGrpc(t.address);
  });
  afterAll(async () => {
    raw.close();
    await t.close();
  });

  test('fuzz cases through the SDK-less client: refusals are caller statuses, never INTERNAL or UNKNOWN; no garbage, no stack logged', async () => {
    // Finding 9: INTERNAL outcomes, garbage values ("NaN" in prompts, addresses and names that were
    // not), and stack traces in the log. The in-process run checks more properties on more cases.
    const logged = t.logs.length;
    let conversation = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const conversationId = `grpc-fuzz-${++conversation}`;
        for (const turn of c.turns) {
          try {
            const response = await t.client.executePrimitive({
              objectiveType: c.objectiveType,
              conversationId,
              params: { ...c.params, ...turn },
            });
            expect(response.error?.code).not.toBe(ErrorCode.ERROR_CODE_INTERNAL);
            const shown = [response.value, response.prompt, response.promptSsml, ...Object.values(response.fields)];
            expect(GARBAGE_MARKERS.filter((m) => shown.some((text) => text.includes(m)))).toEqual([]);
            if (response.success) expect([c.objectiveType, VALUE_SHAPES[c.objectiveType](response.value)]).toEqual([c.objectiveType, true]);
          } catch (error) {
            if (!(error instanceof ClientError) || !REFUSED.includes(error.code)) throw error;
          }
        }
      }),
      { seed: fuzzSeed(), numRuns: 40 },
    );
    // A logged error's stack, as JSON: "…\\n    at fn (file:1:2)…".
    const stacks = t.logs.slice(logged).filter((line) => /\\n\s+at /.test(JSON.stringify(line)));
    expect(stacks).toEqual([]);
  });

  test('wire garbage and truncated messages get INVALID_ARGUMENT, NOT_FOUND or INTERNAL, and the server lives on', async () => {
    const valid = validRequest();
    const garbage = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
      fc.integer({ min: 1, max: valid.length - 1 }).map((n) => valid.subarray(0, n)),
      fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
        const flipped = Uint8Array.from(valid);
        flipped[at] = byte;
        return flipped;
      }),
    );
    await fc.assert(
      fc.asyncProperty(garbage, async (bytes) => {
        const reply = await raw.call(EXECUTE, bytes);
        // A flipped byte may still spell a valid request: then it runs, as it should.
        expect([Status.OK, ...REFUSED, Status.INTERNAL]).toContain(reply.status);
      }),
      { seed: fuzzSeed(), numRuns: 150 },
    );
    const ok = await raw.call(EXECUTE, valid);
    expect(ok.status).toBe(Status.OK);
  });
});
