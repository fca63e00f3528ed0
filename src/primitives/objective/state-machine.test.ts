import { play as playTurns, type Step } from '../../../tests/support/play';
import { captureEmailAu } from '../capture_email_au';
import { InvalidParamsError, ObjectivePreconditionError } from '../types';
import { readTurnInput, runTurn } from './state-machine';

/** Runs turns of capture_email_au, checking each outcome; returns every transition made. */
function play(steps: readonly Step[]): string[] {
  return playTurns(captureEmailAu, steps).path;
}

describe('the objective state machine (capture_email_au)', () => {
  test('single shot: PENDING → ELICITING → CAPTURED → CONFIRMING → CONFIRMED → COMPLETED', () => {
    expect(play([[{ transcription: 'jane@gmail.com', confirmation: 'yes' }, 'completed', 'jane@gmail.com']])).toEqual([
      'pending>eliciting',
      'eliciting>captured',
      'captured>confirming',
      'confirming>confirmed',
      'confirmed>completed',
    ]);
  });

  test('email is always confirmed, even at full confidence', () => {
    play([[{ transcription: 'jane@gmail.com', confidence: 1 }, 'confirming', 'jane@gmail.com']]);
  });

  test('turn by turn: elicit, capture, confirm', () => {
    play([
      [{}, 'eliciting', ''],
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: 'too right' }, 'completed', 'jane@gmail.com'],
    ]);
  });

  test('a "no" goes to REPAIRING; the next value is confirmed again', () => {
    expect(
      play([
        [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
        [{ confirmation: 'nah' }, 'repairing', '', 'NOT_CONFIRMED'],
        [{ transcription: 'jayne at gmail dot com' }, 'confirming', 'jayne@gmail.com'],
        [{ confirmation: 'yes' }, 'completed', 'jayne@gmail.com'],
      ]),
    ).toContain('repairing>captured');
  });

  test('a correction in the confirmation replaces the value at once', () => {
    play([
      [{ transcription: 'jane at outlook dot com' }, 'confirming', 'jane@outlook.com'],
      [{ confirmation: 'not outlook, optusnet' }, 'confirming', 'jane@optusnet.com.au'],
      [{ confirmation: "no it's jane dot doe at optusnet" }, 'confirming', 'jane.doe@optusnet.com.au'],
      [{ confirmation: 'yep' }, 'completed', 'jane.doe@optusnet.com.au'],
    ]);
  });

  test('repeating the value is a yes; an unclear answer is asked again', () => {
    play([
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: 'maybe' }, 'confirming', 'jane@gmail.com', 'NOT_CONFIRMED'],
      [{ confirmation: 'jane at gmail dot com' }, 'completed', 'jane@gmail.com'],
    ]);
  });

  test('a new transcription while confirming replaces the value', () => {
    play([
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ transcription: 'bob at gmail dot com' }, 'confirming', 'bob@gmail.com'],
    ]);
  });

  test('below 0.4 confidence nothing is captured; FAILED after 3 retries', () => {
    const low = { transcription: 'jane at gmail dot com', confidence: 0.39 };
    expect(
      play([
        [low, 'eliciting', '', 'LOW_CONFIDENCE'],
        [low, 'eliciting', '', 'LOW_CONFIDENCE'],
        [low, 'eliciting', '', 'LOW_CONFIDENCE'],
        [low, 'failed', '', 'MAX_RETRIES_EXCEEDED'],
      ]),
    ).toEqual(['pending>eliciting', 'eliciting>failed']);
  });

  test('exactly 0.4 is enough', () => {
    play([[{ transcription: 'jane at gmail dot com', confidence: 0.4 }, 'confirming', 'jane@gmail.com']]);
  });

  test('a low-confidence confirmation is asked again, not taken', () => {
    play([
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: 'yes', confidence: 0.1 }, 'confirming', 'jane@gmail.com', 'LOW_CONFIDENCE'],
      [{ confirmation: 'yes' }, 'completed', 'jane@gmail.com'],
    ]);
  });

  test('corrections count as attempts, so a caller cannot loop forever', () => {
    play([
      [{ transcription: 'a at gmail dot com' }, 'confirming', 'a@gmail.com'],
      [{ confirmation: 'no it is b at gmail dot com' }, 'confirming', 'b@gmail.com'],
      [{ confirmation: 'no it is c at gmail dot com' }, 'confirming', 'c@gmail.com'],
      [{ confirmation: 'no it is d at gmail dot com' }, 'confirming', 'd@gmail.com'],
      [{ confirmation: 'no it is e at gmail dot com' }, 'failed', '', 'MAX_RETRIES_EXCEEDED'],
    ]);
  });

  test('later attempts change strategy: the address is taken in two parts', () => {
    play([
      [{ transcription: 'mumble' }, 'eliciting', '', 'NO_VALUE'],
      [{ transcription: 'static' }, 'eliciting', '', 'NO_VALUE'],
      [{ transcription: 'j a n e' }, 'eliciting', ''],
      [{ transcription: 'gmail dot com' }, 'confirming', 'jane@gmail.com'],
    ]);
  });

  test('an ambiguous provider is clarified by the next answer', () => {
    play([
      [{ transcription: 'jane at bigpond' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'dot net dot au' }, 'confirming', 'jane@bigpond.net.au'],
    ]);
  });

  test('a confirmation with nothing awaiting confirmation is a precondition error', () => {
    expect(() => runTurn(captureEmailAu, undefined, { confirmation: 'yes', confidence: 1 }, undefined)).toThrow(ObjectivePreconditionError);
  });

  test('the same session and input always give the same outcome', () => {
    const a = runTurn(captureEmailAu, undefined, { transcription: 'jane at hotmail', confidence: 0.8 }, undefined);
    const b = runTurn(captureEmailAu, undefined, { transcription: 'jane at hotmail', confidence: 0.8 }, undefined);
    expect(a).toEqual(b);
  });
});

describe('readTurnInput', () => {
  test('confidence defaults to 1 and must be within 0..1', () => {
    expect(readTurnInput({ transcription: 'x' }, [], 't').confidence).toBe(1);
    expect(() => readTurnInput({ confidence: '2' }, [], 't')).toThrow(InvalidParamsError);
    expect(() => readTurnInput({ confidence: 'NaN' }, [], 't')).toThrow(/params\.confidence/);
  });

  test.each(['0x1', '0b1', '0o1', 'Infinity', '1 0', '.'])('confidence %j is not read as a number: it is refused', (confidence) => {
    expect(() => readTurnInput({ confidence }, [], 't')).toThrow(`params.confidence must be a number from 0 to 1, got "${confidence}"`);
  });

  test('decimal forms are read; blank is the default', () => {
    expect(readTurnInput({ confidence: '.85' }, [], 't').confidence).toBe(0.85);
    expect(readTurnInput({ confidence: '1e0' }, [], 't').confidence).toBe(1);
    expect(readTurnInput({ confidence: '' }, [], 't').confidence).toBe(1);
  });

  test('unknown params are refused, naming the field and what is accepted', () => {
    expect(() => readTurnInput({ transcript: 'x' }, ['timezone'], 'capture_x')).toThrow(
      'params.transcript is not a parameter of capture_x; it accepts transcription, confidence, confirmation, alternatives, prompt_interrupted, readback_token, dtmf, timezone',
    );
  });

  test('blank text counts as absent', () => {
    expect(readTurnInput({ transcription: '  ', confirmation: '' }, [], 't')).toEqual({
      confidence: 1,
      transcription: undefined,
      confirmation: undefined,
      prompt_interrupted: false,
      readback_token: undefined,
    });
  });
});
