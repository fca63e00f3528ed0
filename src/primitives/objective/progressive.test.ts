import { captureAddressAu } from '../capture_address_au';
import { captureDatetimeAu } from '../capture_datetime_au';
import { captureEmailAu } from '../capture_email_au';
import { captureNameAu } from '../capture_name_au';
import type { AnyCaptureSpec } from './capture-spec';
import { readOptions, runTurn, type ObjectiveSession, type TurnInput } from './state-machine';
import type { PrimitiveOutcome } from '../types';

/** Progressive fields: the parts heard so far, in `fields`, while the rest is asked for. */
const NOW = Date.parse('2026-11-26T09:00:00+11:00');

function turns(spec: AnyCaptureSpec, inputs: ReadonlyArray<Partial<TurnInput>>, params: Record<string, string> = {}): PrimitiveOutcome[] {
  const options = readOptions(spec, params, NOW);
  let session: ObjectiveSession | undefined;
  const out: PrimitiveOutcome[] = [];
  for (const input of inputs) {
    const result = runTurn(spec, options, { confidence: 0.9, ...input }, session);
    out.push(result.outcome);
    // Through JSON, as the Redis store keeps it.
    session = result.session === undefined ? undefined : (JSON.parse(JSON.stringify(result.session)) as ObjectiveSession);
  }
  return out;
}

const progressEvents = (o: PrimitiveOutcome) => o.transitions.filter((t) => t.from === t.to);

describe('address: street before suburb', () => {
  test('street only, then suburb, then postcode: the fields grow, value and success wait', () => {
    const [street, suburb, done, confirmed] = turns(captureAddressAu, [
      { transcription: '12 Smith Street' },
      { transcription: 'Fitzroy' },
      { transcription: '3065' },
      { confirmation: 'yes' },
    ]);
    expect(street).toMatchObject({ state: 'eliciting', success: false, value: '', fields: { street: '12 Smith Street' } });
    expect(suburb).toMatchObject({
      state: 'eliciting',
      success: false,
      value: '',
      fields: { street: '12 Smith Street', suburb: 'Fitzroy' },
    });
    expect(done).toMatchObject({ state: 'confirming', success: false, value: '12 Smith Street, Fitzroy VIC 3065' });
    expect(done.fields).toEqual({ street: '12 Smith Street', suburb: 'Fitzroy', state: 'VIC', postcode: '3065' });
    expect(confirmed).toMatchObject({ state: 'completed', success: true });
  });

  test('street and suburb in one answer: both shown while the postcode is asked for', () => {
    const [first] = turns(captureAddressAu, [{ transcription: '4/56 King Street, Newtown' }]);
    expect(first.fields).toEqual({ street: '4/56 King Street', suburb: 'Newtown' });
    expect(first.value).toBe('');
  });

  test('a street name without its number is shown; a number alone is not a street', () => {
    expect(turns(captureAddressAu, [{ transcription: 'Smith Street Fitzroy' }])[0].fields).toEqual({
      street: 'Smith Street',
      suburb: 'Fitzroy',
    });
    expect(turns(captureAddressAu, [{ transcription: 'it is number 12 in Fitzroy' }])[0].fields).not.toHaveProperty('street');
  });

  test('each turn that adds a part emits one event with the parts masked; a turn that adds nothing emits none', () => {
    const [street, nothing, suburb] = turns(captureAddressAu, [
      { transcription: '12 Smith Street' },
      { transcription: 'umm' },
      { transcription: 'Fitzroy' },
    ]);
    expect(progressEvents(street)).toEqual([
      {
        from: 'eliciting',
        to: 'eliciting',
        data: { reason: 'part of the value heard', retry_count: '0', fields_masked: JSON.stringify({ street: '** Smith Street' }) },
      },
    ]);
    expect(nothing.fields).toEqual({ street: '12 Smith Street' });
    expect(progressEvents(nothing)).toEqual([]);
    expect(JSON.parse(progressEvents(suburb)[0].data?.fields_masked ?? '')).toEqual({ street: '** Smith Street', suburb: 'Fitzroy' });
    for (const o of [street, nothing, suburb]) expect(JSON.stringify(o.transitions)).not.toMatch(/\b12\b/);
  });

  test('completed fields are masked in events the same way', () => {
    const [done] = turns(captureAddressAu, [{ transcription: '12 Smith Street Fitzroy 3065', confirmation: 'yes' }]);
    const completed = done.transitions.find((t) => t.to === 'completed');
    expect(JSON.parse(completed?.data?.fields_masked ?? '')).toEqual({
      street: '** Smith Street',
      suburb: 'Fitzroy',
      state: 'VIC',
      postcode: '3065',
    });
  });
});

describe('name: first before last', () => {
  test('first name, then surname', () => {
    const [first, done] = turns(captureNameAu, [{ transcription: "it's Jane" }, { transcription: 'Smith' }]);
    expect(first).toMatchObject({ state: 'eliciting', success: false, value: '', fields: { first: 'Jane' } });
    expect(JSON.parse(progressEvents(first)[0].data?.fields_masked ?? '')).toEqual({ first: 'J***' });
    expect(JSON.stringify(first.transitions)).not.toContain('Jane');
    expect(done).toMatchObject({ state: 'completed', success: true, value: 'Jane Smith', fields: { first: 'Jane', last: 'Smith' } });
  });

  test('a surname said first is shown as the last name', () => {
    const [last] = turns(captureNameAu, [{ transcription: 'my surname is Nguyen' }]);
    expect(last.fields).toEqual({ last: 'Nguyen' });
    expect(last.value).toBe('');
  });

  test('an initial is no first name yet: only the surname is shown while the first name is asked for', () => {
    const [initial] = turns(captureNameAu, [{ transcription: 'J Smith' }]);
    expect(initial).toMatchObject({ state: 'eliciting', value: '', fields: { last: 'Smith' } });
    expect(initial.fields).not.toHaveProperty('first');
  });

  test('a first name alone, when allowed, is the value at once (nothing progressive about it)', () => {
    const [done] = turns(captureNameAu, [{ transcription: "it's Jane" }], { require_last_name: 'false' });
    expect(done).toMatchObject({ state: 'completed', value: 'Jane', fields: { first: 'Jane' } });
    expect(progressEvents(done)).toEqual([]);
  });
});

describe('datetime: date before time', () => {
  test('a day, then a time', () => {
    const [day, done] = turns(captureDatetimeAu, [{ transcription: 'next Tuesday' }, { transcription: '2 pm' }]);
    expect(day).toMatchObject({ state: 'eliciting', success: false, value: '', fields: { date: '2026-12-01' } });
    expect(JSON.parse(progressEvents(day)[0].data?.fields_masked ?? '')).toEqual({ date: '****-12-**' });
    expect(done).toMatchObject({ state: 'confirming', value: '2026-12-01T14:00' });
  });

  test('a time, then a day', () => {
    const [time] = turns(captureDatetimeAu, [{ transcription: 'at 3 pm' }]);
    expect(time.fields).toEqual({ time: '15:00' });
  });
});

describe('primitives without progressive fields', () => {
  test('email in parts keeps fields empty until the value is read, and emits no progress event', () => {
    const [part] = turns(captureEmailAu, [{ transcription: 'jane at bigpond' }]);
    expect(part).toMatchObject({ state: 'eliciting', fields: {} });
    expect(progressEvents(part)).toEqual([]);
  });
});
