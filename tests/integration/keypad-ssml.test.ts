import { Writable } from 'node:stream';
import { Status } from 'nice-grpc-common';
import { XMLValidator } from 'fast-xml-parser';
import type { VoiceCoreClient } from '../../src';
import { createLogger } from '../../src/runtime/logger';
import { serverWithSdk } from '../support/server-with-sdk';

/** Keypad input (dtmf) and prompt_ssml through a real server over real gRPC, raw and through the SDK. */
describe('keypad and SSML over real gRPC', () => {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const t = serverWithSdk({ logger: createLogger('debug', sink) }, 2);
  /** Two callers' SDKs on one server, each with its own read-back tokens. */
  const alice = (): VoiceCoreClient => t.sdks[0];
  const bob = (): VoiceCoreClient => t.sdks[1];

  const call = (conversationId: string, params: Record<string, string>, objectiveType = 'capture_phone_au') =>
    t.client.executePrimitive({ objectiveType, conversationId, params });

  test.each([
    ['a letter', '04a2'],
    ['a space', '0412 345'],
    ['a plus', '+61412345678'],
    ['too many keys', '1'.repeat(33)],
  ])('dtmf with %s is INVALID_ARGUMENT naming params.dtmf', async (_, dtmf) => {
    await expect(call('kp-bad', { dtmf })).rejects.toMatchObject({
      code: Status.INVALID_ARGUMENT,
      details: expect.stringMatching(/params\.dtmf/),
    });
  });

  test('a phone number keyed, read back in SSML as a telephone number, confirmed with 1', async () => {
    const read = await call('kp-phone', { dtmf: '0412345679*8#' });
    expect(read).toMatchObject({ state: 'confirming', value: '+61412345678' });
    expect(read.promptSsml).toBe(
      '<speak>Just to confirm, that&apos;s <say-as interpret-as="telephone">0412 345 678</say-as>. Is that right?</speak>',
    );
    expect(XMLValidator.validate(read.promptSsml)).toBe(true);
    const done = await call('kp-phone', { dtmf: '1', readback_token: read.readbackToken });
    expect(done).toMatchObject({ state: 'completed', success: true, value: '+61412345678', prompt: '', promptSsml: '' });
  });

  test('a failed spoken attempt offers the keypad, in the prompt and its SSML', async () => {
    const failed = await call('kp-offer', { transcription: 'purple monkey' }, 'capture_date_au');
    expect(failed.prompt).toMatch(/Or you can key it in on your keypad as eight digits, day, month and year, then press hash\.$/);
    expect(failed.promptSsml).toMatch(/^<speak>.*key it in on your keypad.*<\/speak>$/);
  });

  test('the SDK sends typed keys (a string or an array), and returns promptSsml', async () => {
    const date = await alice().executePrimitive(
      'capture_date_au',
      { dtmf: ['1', '4', '0', '7', '1', '9', '8', '5', '#'], tense: 'past' },
      { conversationId: 'kp-sdk-date' },
    );
    expect(date).toMatchObject({ state: 'completed', value: '1985-07-14' });
    const yes = await alice().executePrimitive('capture_yes_no', { dtmf: '2' }, { conversationId: 'kp-sdk-yn' });
    expect(yes).toMatchObject({ state: 'completed', value: 'no' });
    const email = await alice().executePrimitive(
      'capture_email_au',
      { transcription: 'jane dot doe at gmail dot com' },
      { conversationId: 'kp-sdk-email' },
    );
    expect(email.promptSsml).toContain('<say-as interpret-as="characters">jane.doe</say-as> at gmail dot com');
    const confirmed = await alice().executePrimitive('capture_email_au', { dtmf: '1' }, { conversationId: 'kp-sdk-email' });
    expect(confirmed).toMatchObject({ state: 'completed', value: 'jane.doe@gmail.com' });
  });

  test('the SDK attaches the read-back token to a keyed confirmation: a 1 never confirms a value another turn put there', async () => {
    const conversationId = 'kp-race';
    const a = await alice().executePrimitive('capture_phone_au', { dtmf: '0412345678#' }, { conversationId });
    const b = await bob().executePrimitive('capture_phone_au', { dtmf: '0498765432#' }, { conversationId });
    expect(b.readbackToken).not.toBe(a.readbackToken);
    const aliceOne = await alice().executePrimitive('capture_phone_au', { dtmf: '1' }, { conversationId });
    expect(aliceOne).toMatchObject({ state: 'confirming', value: '+61498765432', error: { code: 'NOT_CONFIRMED' } });
    expect(aliceOne.prompt).toMatch(/^Let me read that back once more\./);
    const bobOne = await bob().executePrimitive('capture_phone_au', { dtmf: '1' }, { conversationId });
    expect(bobOne).toMatchObject({ state: 'completed', value: '+61498765432' });
  });

  test('an address postcode keyed at confirmation replaces it; the read-back SSML says it digit by digit', async () => {
    const read = await alice().executePrimitive(
      'capture_address_au',
      { transcription: '12 Smith Street Richmond Victoria 3121' },
      { conversationId: 'kp-addr' },
    );
    const changed = await alice().executePrimitive('capture_address_au', { dtmf: '3122#' }, { conversationId: 'kp-addr' });
    expect(read.value).toBe('12 Smith Street, Richmond VIC 3121');
    expect(changed).toMatchObject({ state: 'confirming', value: '12 Smith Street, Richmond VIC 3122' });
    expect(changed.promptSsml).toContain('<say-as interpret-as="digits">3122</say-as>');
  });

  test('keys are never logged in clear', async () => {
    await call('kp-log', { dtmf: '0455667788#' });
    await call('kp-log', { dtmf: '04556a' }).catch(() => undefined);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('')).not.toMatch(/0455667788|04556a|455 667 788/);
  });
});
