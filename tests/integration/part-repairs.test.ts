import { createVoiceCoreClient, type VoiceCoreClient } from '../../src';
import { startTestServer, type TestServer } from '../support/test-server';

/** Part repairs at confirmation, truncation and flip-flops, through a real server over real gRPC and the SDK. */
describe('part repairs and truncation over real gRPC', () => {
  let t: TestServer;
  let sdk: VoiceCoreClient;
  beforeAll(async () => {
    t = await startTestServer();
    sdk = createVoiceCoreClient({ useGrpc: true, endpoint: t.address });
  });
  afterAll(async () => {
    sdk.close();
    await t.close();
  });

  const call = (conversationId: string, params: Record<string, string>, objectiveType = 'capture_email_au') =>
    t.client.executePrimitive({ objectiveType, conversationId, params });

  test('email: capture → confirming → keep the first bit, new domain → confirming the repaired value → yes → completed', async () => {
    expect(await call('pr-email-domain', { transcription: 'jane dot doe at gmail dot com' })).toMatchObject({
      state: 'confirming',
      value: 'jane.doe@gmail.com',
    });
    const repaired = await call('pr-email-domain', { confirmation: "no, the first bit's right but it's outlook dot com" });
    expect(repaired).toMatchObject({ state: 'confirming', value: 'jane.doe@outlook.com' });
    expect(repaired.prompt).toContain('at outlook dot com');
    expect(await call('pr-email-domain', { confirmation: 'yes' })).toMatchObject({
      state: 'completed',
      success: true,
      value: 'jane.doe@outlook.com',
    });
  });

  test('email through the SDK: "all one word" and a separator swap', async () => {
    const c = { conversationId: 'pr-sdk-oneword' };
    await sdk.executePrimitive('capture_email_au', { transcription: 'jane dot doe at gmail dot com' }, c);
    const oneWord = await sdk.executePrimitive('capture_email_au', { confirmation: "there's no dot, all one word" }, c);
    expect(oneWord).toMatchObject({ state: 'confirming', value: 'janedoe@gmail.com' });
    expect(await sdk.executePrimitive('capture_email_au', { confirmation: 'yes' }, c)).toMatchObject({
      state: 'completed',
      value: 'janedoe@gmail.com',
    });

    const s = { conversationId: 'pr-sdk-swap' };
    await sdk.executePrimitive('capture_email_au', { transcription: 'jane underscore doe at gmail dot com' }, s);
    const swapped = await sdk.executePrimitive('capture_email_au', { confirmation: 'a dash not an underscore' }, s);
    expect(swapped).toMatchObject({ state: 'confirming', value: 'jane-doe@gmail.com' });
  });

  test('email: a spelling hint not read is asked about; the value is not changed by guess', async () => {
    await call('pr-email-hint', { transcription: 'jane at gmail dot com' });
    const hinted = await call('pr-email-hint', { confirmation: 'with a y' });
    expect(hinted).toMatchObject({ state: 'confirming', value: 'jane@gmail.com' });
    expect(hinted.error).toBeDefined();
  });

  test('email cut off after a final dot: the rest is asked for, keeping what was heard', async () => {
    const cut = await call('pr-email-cut', { transcription: 'jane dot doe at gmail dot' });
    expect(cut).toMatchObject({ state: 'eliciting', value: '' });
    expect(cut.prompt).toBe("I've got jane dot doe at gmail dot… What comes after the dot?");
    expect(await call('pr-email-cut', { transcription: 'com dot au' })).toMatchObject({
      state: 'confirming',
      value: 'jane.doe@gmail.com.au',
    });
  });

  test('phone: a mobile without its leading zero is read as 04 and read back with the oh; "plus six one" asks for the rest', async () => {
    const read = await call('pr-phone-trunk', { transcription: 'four one two three four five six seven eight' }, 'capture_phone_au');
    expect(read).toMatchObject({ state: 'confirming', value: '+61412345678' });
    expect(read.prompt).toContain('oh four one two');

    const plus = await call('pr-phone-plus', { transcription: 'plus six one' }, 'capture_phone_au');
    expect(plus).toMatchObject({ state: 'eliciting', value: '' });
    expect(plus.prompt).toBe("I've got plus six one. What's the rest of the number?");
    expect(await call('pr-phone-plus', { transcription: 'four nine one five seven oh one five six' }, 'capture_phone_au')).toMatchObject({
      state: 'confirming',
      value: '+61491570156',
    });
  });

  test('yes/no: a flip-flop that settles gives the last answer; one still flipping is asked', async () => {
    expect(await call('pr-yn-settled', { transcription: 'yes, no, yes' }, 'capture_yes_no')).toMatchObject({
      state: 'completed',
      value: 'yes',
    });
    const flipping = await call('pr-yn-flipping', { transcription: 'yes no yes no' }, 'capture_yes_no');
    expect(flipping).toMatchObject({ state: 'eliciting', value: '' });
    expect(flipping.error).toBeDefined();
  });
});
