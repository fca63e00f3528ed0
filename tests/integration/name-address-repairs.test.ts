import { serverWithSdk } from '../support/server-with-sdk';

/** Name and address part repairs and a second person's name, through a real server over real gRPC and the SDK. */
describe('name and address part repairs over real gRPC', () => {
  const t = serverWithSdk();

  test('address through the SDK: "same street but it\'s Newtown" → read back → yes', async () => {
    const c = { conversationId: 'nar-address-suburb' };
    await t.sdk.executePrimitive('capture_address_au', { transcription: '12 Smith Street Fitzroy 3065' }, c);
    const repaired = await t.sdk.executePrimitive('capture_address_au', { confirmation: "same street but it's Newtown" }, c);
    expect(repaired).toMatchObject({ state: 'confirming', value: '12 Smith Street, Newtown VIC 3065' });
    expect(await t.sdk.executePrimitive('capture_address_au', { confirmation: 'yes' }, c)).toMatchObject({
      state: 'completed',
      success: true,
      value: '12 Smith Street, Newtown VIC 3065',
    });
  });

  test('address over raw gRPC: "the suburb\'s wrong" asks for the suburb, keeping the rest in fields', async () => {
    const call = (params: Record<string, string>) =>
      t.client.executePrimitive({ objectiveType: 'capture_address_au', conversationId: 'nar-address-wrong', params });
    await call({ transcription: '12 Smith Street Fitzroy 3065' });
    const asked = await call({ confirmation: "no, the suburb's wrong" });
    expect(asked).toMatchObject({ state: 'repairing', value: '', success: false });
    expect(asked.prompt).toMatch(/suburb/i);
    expect(asked.fields).toEqual({ street: '12 Smith Street', state: 'VIC', postcode: '3065' });
    expect(await call({ transcription: 'Collingwood' })).toMatchObject({
      state: 'confirming',
      value: '12 Smith Street, Collingwood VIC 3065',
    });
    const postcode = await call({ confirmation: "postcode's 3066" });
    expect(postcode).toMatchObject({ state: 'confirming', value: '12 Smith Street, Collingwood VIC 3066' });
  });

  test('name through the SDK: a spelled hint at confirmation, and one that cannot be applied', async () => {
    const c = { conversationId: 'nar-name-hint' };
    expect(await t.sdk.executePrimitive('capture_name_au', { transcription: 'Steven Phillips', confidence: 0.6 }, c)).toMatchObject({
      state: 'confirming',
      value: 'Steven Phillips',
    });
    expect(await t.sdk.executePrimitive('capture_name_au', { confirmation: 'not v, p h', confidence: 0.6 }, c)).toMatchObject({
      state: 'confirming',
      value: 'Stephen Phillips',
    });
    const asked = await t.sdk.executePrimitive('capture_name_au', { confirmation: 'double l', confidence: 0.6 }, c);
    expect(asked).toMatchObject({ state: 'repairing', value: '', success: false });
    expect(asked.prompt).toMatch(/spell/);
  });

  test('name: a second person in the same sentence', async () => {
    const name = (conversationId: string, transcription: string) =>
      t.sdk.executePrimitive('capture_name_au', { transcription, confidence: 0.95 }, { conversationId });
    expect(await name('nar-second-1', "it's John Smith, my wife is Mary")).toMatchObject({ state: 'completed', value: 'John Smith' });
    expect(await name('nar-second-2', "put it under my husband's name, Peter Jones")).toMatchObject({
      state: 'completed',
      value: 'Peter Jones',
    });
    const which = await name('nar-second-3', 'my son is Jack and my daughter is Kate');
    expect(which).toMatchObject({ state: 'eliciting', value: '', success: false });
    expect(which.prompt).toMatch(/which name/i);
    expect(await name('nar-second-3', 'Kate Lee')).toMatchObject({ state: 'completed', value: 'Kate Lee' });
  });
});
