import { serverWithSdk } from '../support/server-with-sdk';

/** Part repairs at confirmation, truncation and flip-flops, through a real server over real gRPC and the SDK. */
describe('part repairs and truncation over real gRPC', () => {
  const t = serverWithSdk();

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
    await t.sdk.executePrimitive('capture_email_au', { transcription: 'jane dot doe at gmail dot com' }, c);
    const oneWord = await t.sdk.executePrimitive('capture_email_au', { confirmation: "there's no dot, all one word" }, c);
    expect(oneWord).toMatchObject({ state: 'confirming', value: 'janedoe@gmail.com' });
    expect(await t.sdk.executePrimitive('capture_email_au', { confirmation: 'yes' }, c)).toMatchObject({
      state: 'completed',
      value: 'janedoe@gmail.com',
    });

    const s = { conversationId: 'pr-sdk-swap' };
    await t.sdk.executePrimitive('capture_email_au', { transcription: 'jane underscore doe at gmail dot com' }, s);
    const swapped = await t.sdk.executePrimitive('capture_email_au', { confirmation: 'a dash not an underscore' }, s);
    expect(swapped).toMatchObject({ state: 'confirming', value: 'jane-doe@gmail.com' });
  });

  test('email: a spelling hint that fits nowhere is asked about; the value is not changed by guess', async () => {
    await call('pr-email-hint', { transcription: 'jane at gmail dot com' });
    const hinted = await call('pr-email-hint', { confirmation: 'with a p h' });
    expect(hinted).toMatchObject({ state: 'confirming', value: 'jane@gmail.com' });
    expect(hinted.error).toBeDefined();
  });

  test('email: spelling hints applied at confirmation and inside the first utterance, read back letter by letter', async () => {
    await call('pr-email-y', { transcription: 'jane dot doe at gmail dot com' });
    const y = await call('pr-email-y', { confirmation: 'no, jane with a y' });
    expect(y).toMatchObject({ state: 'confirming', value: 'jayne.doe@gmail.com' });
    expect(y.prompt).toContain('j, a, y, n, e');
    expect(await call('pr-email-y', { confirmation: 'yes' })).toMatchObject({ state: 'completed', value: 'jayne.doe@gmail.com' });

    await call('pr-email-ph', { transcription: 'steven dot ng at outlook dot com' });
    expect(await call('pr-email-ph', { confirmation: 'not v, p h' })).toMatchObject({
      state: 'confirming',
      value: 'stephen.ng@outlook.com',
    });
    await call('pr-email-ll', { transcription: 'alan at bigpond dot com' });
    expect(await call('pr-email-ll', { confirmation: "it's double l in allan" })).toMatchObject({
      state: 'confirming',
      value: 'allan@bigpond.com',
    });
    expect(await call('pr-email-first', { transcription: 'steven with a p h at hotmail dot com' })).toMatchObject({
      state: 'confirming',
      value: 'stephen@hotmail.com',
    });
  });

  test('email: a hint that fits two places offers both, and the answer picks one', async () => {
    await call('pr-email-choice', { transcription: 'caitlin at gmail dot com' });
    const asked = await call('pr-email-choice', { confirmation: 'no, with a y' });
    expect(asked).toMatchObject({ state: 'repairing', value: '' });
    expect(asked.prompt).toMatch(/^Is that .* or .*\?$/);
    expect(await call('pr-email-choice', { transcription: 'the second one' })).toMatchObject({
      state: 'confirming',
      value: 'caitlyn@gmail.com',
    });
  });

  test('email: providers, endings and separators swapped at confirmation', async () => {
    await call('pr-email-optus', { transcription: 'kim at outlook dot com' });
    expect(await call('pr-email-optus', { confirmation: 'not outlook, optusnet' })).toMatchObject({
      state: 'confirming',
      value: 'kim@optusnet.com.au',
    });
    await call('pr-email-net', { transcription: 'kim at gmail dot com' });
    expect(await call('pr-email-net', { confirmation: 'the end is dot net not dot com' })).toMatchObject({
      state: 'confirming',
      value: 'kim@gmail.net',
    });
    await call('pr-email-between', { transcription: 'jane underscore smith at gmail dot com' });
    expect(await call('pr-email-between', { confirmation: 'no, a dot between jane and smith' })).toMatchObject({
      state: 'confirming',
      value: 'jane.smith@gmail.com',
    });
  });

  test('email: an ending swap whose wrong ending has several labels, at confirmation and in the first utterance', async () => {
    await call('pr-email-net', { transcription: 'jane at example dot com dot au' });
    const net = await call('pr-email-net', { confirmation: "no, it's dot net not dot com dot au" });
    expect(net).toMatchObject({ state: 'confirming', value: 'jane@example.net' });
    expect(await call('pr-email-net', { confirmation: 'yes' })).toMatchObject({ state: 'completed', value: 'jane@example.net' });

    await call('pr-email-comau', { transcription: 'jane at example dot com' });
    expect(await call('pr-email-comau', { confirmation: 'dot com dot au not dot com' })).toMatchObject({ value: 'jane@example.com.au' });
    await call('pr-email-orgau', { transcription: 'jane at example dot com dot au' });
    expect(await call('pr-email-orgau', { confirmation: 'dot org dot au not dot com dot au' })).toMatchObject({
      value: 'jane@example.org.au',
    });
    // Only the zone named: bigpond.com.au with "dot net not dot com" is bigpond.net.au.
    await call('pr-email-zone', { transcription: 'jane at bigpond dot com dot au' });
    expect(await call('pr-email-zone', { confirmation: 'dot net not dot com' })).toMatchObject({ value: 'jane@bigpond.net.au' });

    const c = { conversationId: 'pr-sdk-first-net' };
    const first = await t.sdk.executePrimitive('capture_email_au', { transcription: 'jane at example dot net, not dot com dot au' }, c);
    expect(first).toMatchObject({ state: 'confirming', value: 'jane@example.net' });
    expect(await call('pr-email-first-comau', { transcription: 'jane at example dot com dot au, not dot com' })).toMatchObject({
      value: 'jane@example.com.au',
    });
    expect(await call('pr-email-first-no', { transcription: 'jane at example dot com, no, dot com dot au' })).toMatchObject({
      value: 'jane@example.com.au',
    });
  });

  test('email: "not dot com dot au" alone on a .com.au read-back (com.au wrong, or com → au?) is asked, never guessed', async () => {
    await call('pr-email-which', { transcription: 'jane at example dot com dot au' });
    const asked = await call('pr-email-which', { confirmation: 'not dot com dot au' });
    expect(asked).toMatchObject({ state: 'repairing', value: '' });
    expect(asked.prompt).toMatch(/which part/);
    expect(await call('pr-email-which', { transcription: 'jane at example dot net' })).toMatchObject({
      state: 'confirming',
      value: 'jane@example.net',
    });
  });

  test('phone: only the last digits replaced; a correction that disagrees with the read-back is asked about', async () => {
    await call('pr-phone-last', { transcription: '0412 345 678' }, 'capture_phone_au');
    expect(await call('pr-phone-last', { confirmation: 'no, the last three are 4 5 6' }, 'capture_phone_au')).toMatchObject({
      state: 'confirming',
      value: '+61412345456',
    });
    await call('pr-phone-conflict', { transcription: '0412 345 678' }, 'capture_phone_au');
    const conflict = await call('pr-phone-conflict', { confirmation: 'no, ends in 789 not 788' }, 'capture_phone_au');
    expect(conflict).toMatchObject({ state: 'repairing', value: '' });
    expect(conflict.error).toBeDefined();
    expect(
      await call('pr-phone-self', { transcription: '0412 345 678, no sorry, the last three are 4 5 6' }, 'capture_phone_au'),
    ).toMatchObject({ state: 'confirming', value: '+61412345456' });
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
