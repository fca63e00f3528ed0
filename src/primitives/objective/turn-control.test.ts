import { play } from '../../../tests/support/play';
import { captureAddressAu } from '../capture_address_au';
import { captureEmailAu } from '../capture_email_au';
import { captureNumber } from '../capture_number';
import { capturePhoneAu } from '../capture_phone_au';
import { captureYesNo } from '../capture_yes_no';
import { readTurnCue } from '../spoken/turn-cue-reader';
import { DECLINE_ACKNOWLEDGEMENT, HOLD_ACKNOWLEDGEMENT } from '../spoken/turn-cues';
import type { AnyCaptureSpec } from './capture-spec';
import { readOptions, runTurn, type ObjectiveSession, type TurnInput } from './state-machine';

/** Turn control: declines, holds, requests to repeat, barge-in and the read-back token. */

describe('reading turn cues', () => {
  test.each([
    ["I don't have one", 'decline'],
    ["I'd rather not say", 'decline'],
    ['skip it', 'decline'],
    ["I don't want to give that", 'decline'],
    ['no email', 'decline'],
    ["sorry I don't have an email address", 'decline'],
    ["nah I'd rather not say thanks", 'decline'],
    ['can we skip that one', 'decline'],
    ['hold on', 'hold'],
    ['wait a sec', 'hold'],
    ['one moment', 'hold'],
    ['let me find it', 'hold'],
    ['hang on let me check', 'hold'],
    ['hmm hold on a moment mate', 'hold'],
    ['sorry, say that again', 'repeat'],
    ['can you repeat that', 'repeat'],
    ['what was that', 'repeat'],
    ['could you read it back again', 'repeat'],
    ['sorry it cut out', 'repeat'],
    ['sorry?', 'repeat'],
    ["um look I don't really use email sorry", 'decline'],
    ["is that necessary? I'd rather not", 'decline'],
    ['just leave it blank', 'decline'],
    ["sorry just a moment someone's at the door", 'hold'],
    // answers, not cues
    ['no', undefined],
    ['yes', undefined],
    ['no one', undefined],
    ['sorry no', undefined],
    ['yes sorry', undefined],
    ["I've only got a landline", undefined],
    ["I don't remember it", undefined],
    ['skip at gmail dot com', undefined],
    ['skip jones', undefined],
    ['one minute past three', undefined],
    ['a minute to five pm', undefined],
    ['hang on one minute past three pm', undefined],
    ["wait no it's jayne", undefined],
    ["I don't have one, actually yes it's jane at gmail dot com", undefined],
  ])('%j → %s', (heard, kind) => {
    expect(readTurnCue(heard)?.kind).toBe(kind);
  });

  test('a hold that starts an utterance leaves the rest to read', () => {
    expect(readTurnCue("hang on… it's 0412 345 678")).toEqual({ kind: 'hold', rest: "it's 0412 345 678" });
    expect(readTurnCue("um hang on yeah it's jane at gmail dot com")).toEqual({ kind: 'hold', rest: "yeah it's jane at gmail dot com" });
  });

  test('for a yes/no question only refusals to answer are declines', () => {
    expect(readTurnCue("I'd rather not say", { refusalsOnly: true })?.kind).toBe('decline');
    expect(readTurnCue('skip it', { refusalsOnly: true })?.kind).toBe('decline');
    expect(readTurnCue("I'd rather not", { refusalsOnly: true })).toBeUndefined();
    expect(readTurnCue("I don't have one", { refusalsOnly: true })).toBeUndefined();
  });
});

describe('decline', () => {
  test('as a first answer: DECLINED, terminal, no attempt used, a transition to "declined"', () => {
    const { outcomes, path } = play(captureEmailAu, [[{ transcription: "I don't have an email" }, 'declined', '', 'DECLINED']]);
    expect(outcomes[0]).toMatchObject({ success: false, retryCount: 0, prompt: DECLINE_ACKNOWLEDGEMENT });
    expect(path).toEqual(['pending>eliciting', 'eliciting>declined']);
  });

  test('as a later answer, after a failed attempt: the attempt count is kept', () => {
    const { outcomes } = play(capturePhoneAu, [
      [{ transcription: 'purple' }, 'eliciting', '', 'NO_VALUE'],
      [{ transcription: "I'd rather not say" }, 'declined', '', 'DECLINED'],
    ]);
    expect(outcomes[1].retryCount).toBe(1);
  });

  test('at confirmation: the value read back is dropped', () => {
    const { path } = play(capturePhoneAu, [
      [{ transcription: '0412 345 678' }, 'confirming', '+61412345678'],
      [{ confirmation: "actually I'd rather not give that out" }, 'declined', '', 'DECLINED'],
    ]);
    expect(path).toContain('confirming>declined');
  });

  test('the session ends: the next turn starts a new objective', () => {
    const options = readOptions(captureEmailAu, {}, 0);
    const { session } = runTurn(captureEmailAu, options, { transcription: 'skip it', confidence: 0.9 }, undefined);
    expect(session).toBeUndefined();
  });

  test('a bare "no" at confirmation is not a decline', () => {
    play(captureEmailAu, [
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: 'no' }, 'repairing', '', 'NOT_CONFIRMED'],
    ]);
  });

  test('"skip" inside a value is not a decline', () => {
    play(captureEmailAu, [[{ transcription: 'skip at gmail dot com' }, 'confirming', 'skip@gmail.com']]);
  });

  test('words heard with low confidence decline nothing', () => {
    play(captureEmailAu, [[{ transcription: 'skip it', confidence: 0.2 }, 'eliciting', '', 'LOW_CONFIDENCE']]);
  });

  test('yes/no: "I\'d rather not" and "I don\'t have one" are answers (no); "I\'d rather not say" declines', () => {
    const params = { question: 'Can we send you marketing texts?' };
    play(captureYesNo, [[{ transcription: "I'd rather not" }, 'completed', 'no']], { params });
    play(captureYesNo, [[{ transcription: "I don't have one" }, 'completed', 'no']], {
      params: { question: 'Do you have a Medicare card?' },
    });
    play(captureYesNo, [[{ transcription: "I'd rather not say" }, 'declined', '', 'DECLINED']], { params });
  });
});

describe('hold', () => {
  test('acknowledged, state unchanged, no attempt used, no error', () => {
    const { outcomes } = play(capturePhoneAu, [
      [{ transcription: 'hang on let me find it' }, 'eliciting', '', new RegExp(`^${HOLD_ACKNOWLEDGEMENT}$`)],
      [{ transcription: '0412 345 678' }, 'confirming', '+61412345678'],
    ]);
    expect(outcomes[0].retryCount).toBe(0);
    expect(outcomes[0].transitions).toEqual([{ from: 'pending', to: 'eliciting', data: expect.any(Object) }]);
  });

  test('the partial value is kept over a hold', () => {
    play(
      captureAddressAu,
      [
        [{ transcription: '12 smith street fitzroy' }, 'eliciting', '', /postcode/],
        [{ transcription: 'one moment' }, 'eliciting', '', /take your time/],
        [{ transcription: '3065' }, 'confirming', '12 Smith Street, Fitzroy VIC 3065'],
      ],
      { viaJson: true },
    );
  });

  test('at confirmation the value stays the candidate', () => {
    play(captureEmailAu, [
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: 'wait a sec' }, 'confirming', 'jane@gmail.com', /take your time/],
      [{ confirmation: 'yes' }, 'completed', 'jane@gmail.com'],
    ]);
  });

  test('a hold followed by the value reads the value', () => {
    play(capturePhoneAu, [[{ transcription: "hang on... it's 0412 345 678" }, 'confirming', '+61412345678']]);
    play(captureEmailAu, [
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: "hang on, yeah that's right" }, 'completed', 'jane@gmail.com'],
    ]);
  });

  test('a hold followed by words that give no value is still a hold', () => {
    const { outcomes } = play(capturePhoneAu, [[{ transcription: "hang on it's in my bag somewhere" }, 'eliciting', '', /take your time/]]);
    expect(outcomes[0].retryCount).toBe(0);
  });
});

describe('repeat', () => {
  test('at confirmation: the read-back again, the value still the candidate, no attempt used', () => {
    const { outcomes, prompts } = play(capturePhoneAu, [
      [{ transcription: '0412 345 678' }, 'confirming', '+61412345678'],
      [{ confirmation: 'sorry, say that again' }, 'confirming', '+61412345678'],
      [{ confirmation: 'yep' }, 'completed', '+61412345678'],
    ]);
    expect(prompts[1]).toBe(prompts[0]);
    expect(outcomes[1].retryCount).toBe(0);
  });

  test('while eliciting: the question again, no attempt used', () => {
    const { outcomes, prompts } = play(captureEmailAu, [
      [{}, 'eliciting', ''],
      [{ transcription: 'can you repeat that' }, 'eliciting', ''],
    ]);
    expect(prompts[1]).toBe(prompts[0]);
    expect(outcomes[1].retryCount).toBe(0);
  });
});

describe('barge-in (prompt_interrupted)', () => {
  test('a bare yes does not confirm a critical value: read back again, no attempt used', () => {
    const { outcomes } = play(captureEmailAu, [
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: 'yes', prompt_interrupted: true }, 'confirming', 'jane@gmail.com', 'NOT_CONFIRMED'],
      [{ confirmation: 'yes' }, 'completed', 'jane@gmail.com'],
    ]);
    expect(outcomes[1].retryCount).toBe(0);
    expect(outcomes[1].prompt).toMatch(/read that back once more.*jane/i);
  });

  test.each([
    [capturePhoneAu as AnyCaptureSpec, '0412 345 678', '+61412345678'],
    [captureAddressAu as AnyCaptureSpec, '12 smith street fitzroy vic 3065', '12 Smith Street, Fitzroy VIC 3065'],
  ])('%# the same for phone and address', (spec, said, value) => {
    play(spec, [
      [{ transcription: said }, 'confirming', value],
      [{ confirmation: "yep that's right", prompt_interrupted: true }, 'confirming', value, 'NOT_CONFIRMED'],
    ]);
  });

  test('a yes that repeats the value confirms it', () => {
    play(capturePhoneAu, [
      [{ transcription: '0412 345 678' }, 'confirming', '+61412345678'],
      [{ confirmation: 'yes, 0412 345 678', prompt_interrupted: true }, 'completed', '+61412345678'],
    ]);
  });

  test('a value that is not always confirmed (number) takes a bare yes', () => {
    play(captureNumber, [
      [{ transcription: 'twenty five', confidence: 0.6 }, 'confirming', '25'],
      [{ confirmation: 'yes', prompt_interrupted: true }, 'completed', '25'],
    ]);
  });

  test('a no while barging in is still a no', () => {
    play(captureEmailAu, [
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: 'no', prompt_interrupted: true }, 'repairing', '', 'NOT_CONFIRMED'],
    ]);
  });
});

describe('the read-back token', () => {
  const options = readOptions(capturePhoneAu, {}, 0);
  type Session = ObjectiveSession | undefined;
  const turn = (input: Partial<TurnInput>, session: Session) => {
    const result = runTurn(capturePhoneAu, options, { confidence: 0.9, ...input }, session);
    // Sessions are stored as JSON.
    return { ...result, session: result.session && (JSON.parse(JSON.stringify(result.session)) as ObjectiveSession) };
  };

  test('is given while confirming, and only then', () => {
    const first = turn({ transcription: '0412 345 678' }, undefined);
    expect(first.outcome.readbackToken).toMatch(/^1\.[\w-]{10}$/);
    const done = turn({ confirmation: 'yes', readback_token: first.outcome.readbackToken }, first.session);
    expect(done.outcome.state).toBe('completed');
    expect(done.outcome.readbackToken).toBeUndefined();
  });

  test('a token of another value confirms nothing: the current value is read back again, no attempt used', () => {
    const a = turn({ transcription: '0412 345 678' }, undefined);
    const b = turn({ transcription: '0498 765 432' }, a.session);
    const stale = turn({ confirmation: 'yes', readback_token: a.outcome.readbackToken }, b.session);
    expect(stale.outcome).toMatchObject({ state: 'confirming', value: '+61498765432', retryCount: 0 });
    expect(stale.outcome.error).toEqual({ code: 'NOT_CONFIRMED', message: expect.stringMatching(/params\.readback_token/) });
    expect(stale.outcome.readbackToken).toBe(b.outcome.readbackToken);
    expect(turn({ confirmation: 'yes', readback_token: b.outcome.readbackToken }, stale.session).outcome.state).toBe('completed');
  });

  test('a token is not reused when the same value is read back again later', () => {
    const a = turn({ transcription: '0412 345 678' }, undefined);
    const b = turn({ transcription: '0412 345 678' }, a.session);
    expect(b.outcome.readbackToken).not.toBe(a.outcome.readbackToken);
    expect(turn({ confirmation: 'yes', readback_token: a.outcome.readbackToken }, b.session).outcome.state).toBe('confirming');
  });

  test('a read-back repeated on request keeps its token', () => {
    const a = turn({ transcription: '0412 345 678' }, undefined);
    const again = turn({ confirmation: 'pardon' }, a.session);
    expect(again.outcome.readbackToken).toBe(a.outcome.readbackToken);
  });

  test('absent, the confirmation applies as before', () => {
    const a = turn({ transcription: '0412 345 678' }, undefined);
    const b = turn({ transcription: '0498 765 432' }, a.session);
    expect(turn({ confirmation: 'yes' }, b.session).outcome).toMatchObject({ state: 'completed', value: '+61498765432' });
  });
});
