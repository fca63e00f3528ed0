import { XMLValidator } from 'fast-xml-parser';
import { play } from '../../../tests/support/play';
import { captureAddressAu } from '../capture_address_au';
import { captureDateAu } from '../capture_date_au';
import { captureEmailAu } from '../capture_email_au';
import { captureNumber } from '../capture_number';
import { capturePhoneAu } from '../capture_phone_au';
import { captureTimeAu } from '../capture_time_au';
import type { PrimitiveOutcome } from '../types';

/** Each primitive's read-back in prompt_ssml: its value in the right <say-as>, the rest escaped, always well formed. */

const NOW = Date.parse('2026-11-26T09:30:00+11:00');

function ssmlOf(outcomes: readonly PrimitiveOutcome[]): string[] {
  return outcomes.map((o) => {
    const ssml = o.promptSsml ?? '';
    if (o.prompt === '') expect(ssml).toBe('');
    else expect(XMLValidator.validate(ssml)).toBe(true);
    return ssml;
  });
}

test('phone: the number as a telephone number in its national grouping', () => {
  const [ssml] = ssmlOf(
    play(capturePhoneAu, [[{ transcription: 'oh four one two three four five six seven eight' }, 'confirming', '+61412345678']]).outcomes,
  );
  expect(ssml).toBe('<speak>Just to confirm, that&apos;s <say-as interpret-as="telephone">0412 345 678</say-as>. Is that right?</speak>');
});

test('email: the local part spelled as characters, also in the spelled read-back', () => {
  const { outcomes } = play(captureEmailAu, [
    [{ transcription: 'jane dot doe at gmail dot com' }, 'confirming', 'jane.doe@gmail.com'],
    [{ confirmation: 'no' }, 'repairing', '', 'NOT_CONFIRMED'],
    [{ transcription: 'jane dot doe at gmail dot com' }, 'confirming', 'jane.doe@gmail.com'],
  ]);
  const [first, , third] = ssmlOf(outcomes);
  expect(first).toContain('<say-as interpret-as="characters">jane.doe</say-as> at gmail dot com');
  expect(third).toContain('<say-as interpret-as="characters">jane.doe</say-as> at gmail dot com');
});

test('date: the weekday, then a dmy date', () => {
  const [ssml] = ssmlOf(
    play(captureDateAu, [[{ transcription: 'the 14th of july 1985', confidence: 0.5 }, 'confirming', '1985-07-14']], {
      params: { tense: 'past' },
      now: NOW,
    }).outcomes,
  );
  expect(ssml).toContain('Sunday <say-as interpret-as="date" format="dmy">14/07/1985</say-as>');
});

test('time: a 24-hour time', () => {
  const [ssml] = ssmlOf(
    play(captureTimeAu, [[{ transcription: 'half past two in the afternoon', confidence: 0.5 }, 'confirming', '14:30']], { now: NOW })
      .outcomes,
  );
  expect(ssml).toContain('<say-as interpret-as="time" format="hms24">14:30</say-as>');
});

test('number: a cardinal with its unit; a long whole number in groups of three', () => {
  const [dollars] = ssmlOf(
    play(captureNumber, [[{ transcription: 'two hundred and fifty dollars', confidence: 0.5 }, 'confirming', '250']]).outcomes,
  );
  expect(dollars).toContain('<say-as interpret-as="cardinal">250</say-as> dollars');
  const [long] = ssmlOf(play(captureNumber, [[{ dtmf: '1234567' }, 'completed', '1234567']]).outcomes);
  expect(long).toBe('');
  const [grouped] = ssmlOf(
    play(captureNumber, [[{ transcription: 'one million two hundred thousand', confidence: 0.5 }, 'confirming', '1200000']]).outcomes,
  );
  expect(grouped).toContain('<say-as interpret-as="digits">1</say-as><break strength="weak"/><say-as interpret-as="digits">200</say-as>');
});

test('address: escaped (an "&" or "<" stays well formed), the postcode digit by digit', () => {
  const { outcomes } = play(captureAddressAu, [
    [{ transcription: '12 Smith Street Richmond Victoria 3121' }, 'confirming', '12 Smith Street, Richmond VIC 3121'],
  ]);
  const [ssml] = ssmlOf(outcomes);
  expect(ssml).toContain('<say-as interpret-as="digits">3121</say-as>');
  const odd = captureAddressAu.ssml?.({
    value: 'Shop 1 <Rear> & 2, Smith Street, Richmond VIC 3121',
    fields: { street: 'Shop 1 <Rear> & 2 Smith Street', suburb: 'Richmond', state: 'VIC', postcode: '3121' },
  });
  const piece = odd?.[0];
  expect(piece?.ssml).toContain('&lt;Rear&gt; &amp; 2');
  expect(XMLValidator.validate(`<speak>${piece?.ssml ?? ''}</speak>`)).toBe(true);
});
