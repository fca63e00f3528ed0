import { ReadbackTokens } from './readback-tokens';

describe('ReadbackTokens', () => {
  test('sends the remembered token with a confirmation of the same objective only', () => {
    const tokens = new ReadbackTokens();
    tokens.remember('c1', 'capture_email_au', '1.abc');
    expect(tokens.attach('c1', 'capture_email_au', { confirmation: 'yes' })).toEqual({ confirmation: 'yes', readback_token: '1.abc' });
    expect(tokens.attach('c2', 'capture_email_au', { confirmation: 'yes' })).toEqual({ confirmation: 'yes' });
    expect(tokens.attach('c1', 'capture_phone_au', { confirmation: 'yes' })).toEqual({ confirmation: 'yes' });
    // A transcription in the same call is confirmed as this call's own value: no token.
    expect(tokens.attach('c1', 'capture_email_au', { transcription: 'x', confirmation: 'yes' })).toEqual({
      transcription: 'x',
      confirmation: 'yes',
    });
    expect(tokens.attach('c1', 'capture_email_au', { transcription: 'x' })).toEqual({ transcription: 'x' });
  });

  test('a keyed turn carries the token, even with a transcription (the keys win over it)', () => {
    const tokens = new ReadbackTokens();
    tokens.remember('c1', 'capture_phone_au', '1.abc');
    expect(tokens.attach('c1', 'capture_phone_au', { dtmf: '1' })).toEqual({ dtmf: '1', readback_token: '1.abc' });
    expect(tokens.attach('c1', 'capture_phone_au', { dtmf: '1', transcription: 'yes' })).toEqual({
      dtmf: '1',
      transcription: 'yes',
      readback_token: '1.abc',
    });
    expect(tokens.attach('c1', 'capture_phone_au', { dtmf: '1', readback_token: '' })).toEqual({ dtmf: '1', readback_token: '' });
  });

  test("the caller's own token, even blank (opting out), is kept", () => {
    const tokens = new ReadbackTokens();
    tokens.remember('c1', 'capture_email_au', '1.abc');
    expect(tokens.attach('c1', 'capture_email_au', { confirmation: 'yes', readback_token: '' })).toEqual({
      confirmation: 'yes',
      readback_token: '',
    });
  });

  test('a response without a token forgets it; the oldest are forgotten past the bound', () => {
    const tokens = new ReadbackTokens(2);
    tokens.remember('c1', 't', '1.a');
    tokens.remember('c1', 't', '');
    expect(tokens.size).toBe(0);
    tokens.remember('c1', 't', '1.a');
    tokens.remember('c2', 't', '1.b');
    tokens.remember('c3', 't', '1.c');
    expect(tokens.size).toBe(2);
    expect(tokens.attach('c1', 't', { confirmation: 'yes' })).toEqual({ confirmation: 'yes' });
    expect(tokens.attach('c3', 't', { confirmation: 'yes' })).toEqual({ confirmation: 'yes', readback_token: '1.c' });
  });
});
