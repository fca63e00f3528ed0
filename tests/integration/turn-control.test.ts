import { ErrorCode } from '../../generated/voice_core/voice_core';
import { createVoiceCoreClient, type VoiceCoreClient } from '../../src';
import { serverWithSdk } from '../support/server-with-sdk';

/** Decline, hold, repeat, barge-in and the read-back token, through a real server over real gRPC. */
describe('turn control over real gRPC', () => {
  const t = serverWithSdk({ metrics: { port: 0, host: '127.0.0.1' } }, 2);
  /** Two callers' SDKs on one server, each with its own read-back tokens. */
  const alice = (): VoiceCoreClient => t.sdks[0];
  const bob = (): VoiceCoreClient => t.sdks[1];

  const call = (conversationId: string, params: Record<string, string>, objectiveType = 'capture_email_au') =>
    t.client.executePrimitive({ objectiveType, conversationId, params });

  test('a decline ends the objective: DECLINED, state "declined", no attempt used, an event and a metric', async () => {
    const first = await call('tc-decline', { transcription: 'purple monkey' });
    expect(first.metadata?.retryCount).toBe(1);
    const declined = await call('tc-decline', { transcription: "sorry I don't have an email" });
    expect(declined).toMatchObject({ success: false, state: 'declined', value: '', metadata: { retryCount: 1 } });
    expect(declined.error?.code).toBe(ErrorCode.ERROR_CODE_DECLINED);
    expect(declined.error?.message).not.toMatch(/email"|don't have/);

    const controller = new AbortController();
    const seen: string[] = [];
    for await (const event of alice().streamEvents('tc-decline', { signal: controller.signal })) {
      seen.push(event.toState);
      if (event.toState === 'declined') break;
    }
    expect(seen).toContain('declined');

    const metrics = await (await fetch(`http://127.0.0.1:${t.server.metrics!.port}/metrics`)).text();
    expect(metrics).toMatch(/^voice_core_captures_declined_total\{objective_type="capture_email_au"\} 1$/m);

    // The objective is over: a new transcription starts a new one.
    const next = await call('tc-decline', { transcription: 'jane at gmail dot com' });
    expect(next).toMatchObject({ state: 'confirming', metadata: { retryCount: 0 } });
  });

  test('the SDK reports a decline with its code', async () => {
    const result = await alice().executePrimitive(
      'capture_phone_au',
      { transcription: "I'd rather not say" },
      { conversationId: 'tc-sdk-decline' },
    );
    expect(result).toMatchObject({ state: 'declined', error: { code: 'DECLINED' } });
  });

  test('a hold is acknowledged with no error and no attempt used; the value follows', async () => {
    const held = await call('tc-hold', { transcription: 'hang on let me find it' }, 'capture_phone_au');
    expect(held).toMatchObject({ state: 'eliciting', prompt: 'Sure, take your time.', metadata: { retryCount: 0 } });
    expect(held.error).toBeUndefined();
    const value = await call('tc-hold', { transcription: "ok hang on... it's 0412 345 678" }, 'capture_phone_au');
    expect(value).toMatchObject({ state: 'confirming', value: '+61412345678' });
  });

  test('"say that again" at confirmation repeats the read-back, with the same token', async () => {
    const read = await call('tc-repeat', { transcription: 'jane at gmail dot com' });
    const again = await call('tc-repeat', { confirmation: 'sorry, say that again' });
    expect(again).toMatchObject({ state: 'confirming', value: 'jane@gmail.com', prompt: read.prompt, readbackToken: read.readbackToken });
    expect(again.error).toBeUndefined();
  });

  test('barge-in: a bare yes does not confirm an email; it is read back again', async () => {
    await alice().executePrimitive('capture_email_au', { transcription: 'jane at gmail dot com' }, { conversationId: 'tc-barge' });
    const interrupted = await alice().executePrimitive(
      'capture_email_au',
      { confirmation: 'yes', promptInterrupted: true },
      { conversationId: 'tc-barge' },
    );
    expect(interrupted).toMatchObject({
      state: 'confirming',
      value: 'jane@gmail.com',
      error: { code: 'NOT_CONFIRMED' },
      metadata: { retryCount: 0 },
    });
    const done = await alice().executePrimitive('capture_email_au', { confirmation: 'yes' }, { conversationId: 'tc-barge' });
    expect(done).toMatchObject({ state: 'completed', value: 'jane@gmail.com' });
  });

  test('a prompt_interrupted that is not a boolean is refused, naming the param', async () => {
    await expect(call('tc-bad', { confirmation: 'yes', prompt_interrupted: 'maybe' })).rejects.toThrow(/params\.prompt_interrupted/);
  });

  test("two callers race on one objective: the first caller's yes, with its token, does not confirm the other value", async () => {
    const conversationId = 'tc-race';
    const a = await alice().executePrimitive('capture_phone_au', { transcription: '0412 345 678' }, { conversationId });
    const b = await bob().executePrimitive('capture_phone_au', { transcription: '0498 765 432' }, { conversationId });
    expect(a.readbackToken).toBeDefined();
    expect(b.readbackToken).not.toBe(a.readbackToken);

    const aliceYes = await alice().executePrimitive('capture_phone_au', { confirmation: 'yes' }, { conversationId });
    expect(aliceYes).toMatchObject({ state: 'confirming', value: '+61498765432', success: false, error: { code: 'NOT_CONFIRMED' } });
    expect(aliceYes.error?.message).toMatch(/readback_token/);
    expect(aliceYes.readbackToken).toBe(b.readbackToken);

    const bobYes = await bob().executePrimitive('capture_phone_au', { confirmation: 'yes' }, { conversationId });
    expect(bobYes).toMatchObject({ state: 'completed', value: '+61498765432' });
  });

  test('concurrent races: a yes only ever confirms the value its own caller was read back', async () => {
    for (let i = 0; i < 20; i++) {
      const conversationId = `tc-race-${i}`;
      const [a, b] = await Promise.all([
        alice().executePrimitive('capture_phone_au', { transcription: '0412 345 678' }, { conversationId }),
        bob().executePrimitive('capture_phone_au', { transcription: '0498 765 432' }, { conversationId }),
      ]);
      // A yes that finds the objective already completed is refused (FAILED_PRECONDITION): no confirmation either.
      const answers = await Promise.all(
        [alice(), bob()].map((client) =>
          client.executePrimitive('capture_phone_au', { confirmation: 'yes' }, { conversationId }).catch(() => undefined),
        ),
      );
      const completed = answers.map((r, k) => ({ r, own: k === 0 ? a.value : b.value })).filter(({ r }) => r?.state === 'completed');
      // Only the caller whose value was read back last can confirm, and only that value.
      expect(completed.length).toBeLessThanOrEqual(1);
      for (const { r, own } of completed) expect(r?.value).toBe(own);
    }
  });

  test('the token check is opt-out: without it the last value is confirmed as before', async () => {
    const plain = createVoiceCoreClient({ useGrpc: true, endpoint: t.address, readbackTokens: false });
    try {
      const conversationId = 'tc-optout';
      await plain.executePrimitive('capture_phone_au', { transcription: '0412 345 678' }, { conversationId });
      await bob().executePrimitive('capture_phone_au', { transcription: '0498 765 432' }, { conversationId });
      const yes = await plain.executePrimitive('capture_phone_au', { confirmation: 'yes' }, { conversationId });
      expect(yes).toMatchObject({ state: 'completed', value: '+61498765432' });
    } finally {
      plain.close();
    }
  });
});
