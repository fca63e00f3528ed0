import { play } from '../../../tests/support/play';
import { captureAddressAu } from '../capture_address_au';
import { captureDateAu } from '../capture_date_au';
import { captureEmailAu } from '../capture_email_au';
import { captureNumber } from '../capture_number';
import { capturePhoneAu } from '../capture_phone_au';
import { captureTimeAu } from '../capture_time_au';
import { captureYesNo } from '../capture_yes_no';
import { InvalidParamsError } from '../types';
import { readTurnInput, runTurn } from './state-machine';

/** Keypad input (param dtmf) on the state machine: the convention, each keypad primitive, confirmation by 1 and 2. */

const NOW = Date.parse('2026-11-26T09:30:00+11:00');
const ANY = { params: { tense: 'any' }, now: NOW, strictErrors: false };
const LOOSE = { strictErrors: false };

describe('the dtmf param', () => {
  test.each(['12a4', '0412 345', '+61412345678', '1'.repeat(33)])('%j is refused naming params.dtmf', (dtmf) => {
    expect(() => readTurnInput({ dtmf }, [], 'capture_phone_au')).toThrow(InvalidParamsError);
    try {
      readTurnInput({ dtmf }, [], 'capture_phone_au');
    } catch (error) {
      expect((error as InvalidParamsError).field).toBe('params.dtmf');
    }
  });

  test('keys pass through as pressed', () => {
    expect(readTurnInput({ dtmf: '0412*3#' }, [], 'capture_phone_au').dtmf).toBe('0412*3#');
  });
});

describe('keyed values', () => {
  test('a phone number keyed, with a delete and keys after # ignored, is read back; 1 confirms', () => {
    const played = play(capturePhoneAu, [
      [{ dtmf: '0412345679*8#55' }, 'confirming', '+61412345678'],
      [{ dtmf: '1' }, 'completed', '+61412345678'],
    ]);
    expect(played.prompts[0]).toMatch(/^Just to confirm, that's oh four one two, three four five, six seven eight\./);
  });

  test('keys win over a transcription given with them', () => {
    play(capturePhoneAu, [
      [{ dtmf: '0412345678', transcription: 'oh two nine eight seven six five four three two' }, 'confirming', '+61412345678'],
    ]);
  });

  test('a number keyed with * as the decimal point is exact: no read-back even at low confidence', () => {
    play(captureNumber, [[{ dtmf: '12*5#', confidence: 0.5 }, 'completed', '12.5']]);
    play(captureNumber, [[{ dtmf: '1*2*3#' }, 'eliciting', '', 'NO_VALUE']]);
  });

  test('a date keyed DDMMYYYY is validated like a spoken one', () => {
    play(captureDateAu, [[{ dtmf: '14071985#' }, 'completed', '1985-07-14']], ANY);
    // A day the month has not got is asked about, offering the days either side (never rolled over).
    play(
      captureDateAu,
      [
        [
          { dtmf: '31061985#' },
          'eliciting',
          '',
          /^Sorry, there's no 31st of June in 1985\. Did you mean the 30th of June, or the 1st of July\?/,
        ],
      ],
      ANY,
    );
    play(captureDateAu, [[{ dtmf: '140785#' }, 'eliciting', '', /eight digits/]], ANY);
    // The tense refuses a past date keyed for a booking, as it does a spoken one.
    play(captureDateAu, [[{ dtmf: '14071985' }, 'eliciting', '', 'NO_VALUE']], { now: NOW });
  });

  test('a time keyed HHMM on the 24-hour clock', () => {
    play(captureTimeAu, [[{ dtmf: '1430#' }, 'completed', '14:30']], ANY);
    play(captureTimeAu, [[{ dtmf: '1200' }, 'completed', '12:00']], ANY);
    play(captureTimeAu, [[{ dtmf: '2460' }, 'eliciting', '', /not a time/]], ANY);
  });

  test('yes/no: 1 is yes, 2 is no, anything else is asked again', () => {
    play(captureYesNo, [[{ dtmf: '1' }, 'completed', 'yes']]);
    play(captureYesNo, [[{ dtmf: '2#' }, 'completed', 'no']]);
    play(captureYesNo, [[{ dtmf: '3' }, 'eliciting', '', /^Please press 1 for yes, or 2 for no\.$/]], LOOSE);
  });

  test('an address postcode keyed answers "what is the postcode?", and replaces it at confirmation', () => {
    play(captureAddressAu, [
      [{ transcription: '12 Smith Street Richmond Victoria' }, 'eliciting', ''],
      [{ dtmf: '3121#' }, 'confirming', '12 Smith Street, Richmond VIC 3121'],
      [{ dtmf: '3122' }, 'confirming', '12 Smith Street, Richmond VIC 3122'],
      [{ dtmf: '1' }, 'completed', '12 Smith Street, Richmond VIC 3122'],
    ]);
    play(captureAddressAu, [[{ dtmf: '3121' }, 'eliciting', '', /say the street address first/]], LOOSE);
  });

  test('a primitive without a keypad takes keys only at confirmation', () => {
    play(captureEmailAu, [
      [{ dtmf: '123' }, 'eliciting', '', 'NO_VALUE'],
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ dtmf: '2' }, 'repairing', '', 'NOT_CONFIRMED'],
      [{ transcription: 'jane at outlook dot com' }, 'confirming', 'jane@outlook.com'],
      [{ dtmf: '7' }, 'confirming', 'jane@outlook.com', 'NOT_CONFIRMED'],
      [{ dtmf: '1#' }, 'completed', 'jane@outlook.com'],
    ]);
  });
});

describe('keyed confirmation and the read-back token', () => {
  test('a keyed 1 with a stale token does not confirm: the current value is read back again', () => {
    const options = undefined;
    const first = runTurn(
      capturePhoneAu,
      options,
      { transcription: 'oh four one two three four five six seven eight', confidence: 0.9 },
      undefined,
    );
    const token = first.outcome.readbackToken;
    const second = runTurn(
      capturePhoneAu,
      options,
      { transcription: 'oh four nine nine eight eight seven seven six six', confidence: 0.9 },
      first.session,
    );
    const stale = runTurn(capturePhoneAu, options, { dtmf: '1', readback_token: token, confidence: 1 }, second.session);
    expect(stale.outcome).toMatchObject({ state: 'confirming', value: '+61499887766', error: { code: 'NOT_CONFIRMED' } });
    expect(stale.outcome.prompt).toMatch(/^Let me read that back once more\./);
    const fresh = runTurn(
      capturePhoneAu,
      options,
      { dtmf: '1', readback_token: second.outcome.readbackToken, confidence: 1 },
      stale.session,
    );
    expect(fresh.outcome).toMatchObject({ state: 'completed', value: '+61499887766' });
  });

  test('a 1 keyed during the read-back of a critical value is read back again', () => {
    play(capturePhoneAu, [
      [{ transcription: 'oh four one two three four five six seven eight' }, 'confirming', '+61412345678'],
      [{ dtmf: '1', prompt_interrupted: true }, 'confirming', '+61412345678', 'NOT_CONFIRMED'],
      [{ dtmf: '1' }, 'completed', '+61412345678'],
    ]);
  });

  test('a keyed phone number at confirmation corrects the value', () => {
    play(capturePhoneAu, [
      [{ transcription: 'oh four one two three four five six seven eight' }, 'confirming', '+61412345678'],
      [{ dtmf: '0412345679#' }, 'confirming', '+61412345679'],
      [{ dtmf: '1' }, 'completed', '+61412345679'],
    ]);
  });
});

describe('the keypad offer', () => {
  test('after a failed spoken attempt the keypad is offered; not after a keyed one', () => {
    const played = play(capturePhoneAu, [
      [{ transcription: 'umm' }, 'eliciting', '', 'NO_VALUE'],
      [{ dtmf: '#' }, 'eliciting', '', 'NO_VALUE'],
    ]);
    expect(played.prompts[0]).toMatch(/Or you can key it in on your keypad, then press hash\.$/);
    expect(played.prompts[1]).not.toMatch(/keypad/);
  });

  test('a primitive without a keypad offers none', () => {
    const played = play(captureEmailAu, [[{ transcription: 'umm' }, 'eliciting', '', 'NO_VALUE']]);
    expect(played.prompts[0]).not.toMatch(/keypad/);
  });
});
