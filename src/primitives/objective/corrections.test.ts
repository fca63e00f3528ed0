import type { AnyCaptureSpec } from './capture-spec';
import { BUILT_IN_CAPTURES } from '../defaults';
import { readOptions, runTurn, type ObjectiveSession } from './state-machine';

const NOW = Date.parse('2026-11-26T09:00:00+11:00');

/**
 * A correction in the answer to "is that right?" changes part of the value
 * being confirmed, for every primitive: the answer is read against that value
 * before it is read as a value of its own.
 */
describe.each([
  ['capture_email_au', 'jane at outlook dot com', 'jane@outlook.com', 'not outlook, optusnet', 'jane@optusnet.com.au'],
  ['capture_phone_au', '0491 570 156', '+61491570156', 'no the last three are 159', '+61491570159'],
  [
    'capture_address_au',
    '40 smith street fitzroy vic 3065',
    '40 Smith Street, Fitzroy VIC 3065',
    'no its 14 not 40',
    '14 Smith Street, Fitzroy VIC 3065',
  ],
  ['capture_name_au', 'jane lee', 'Jane Lee', 'not lee, leigh', 'Jane Leigh'],
  ['capture_date_au', 'the 12th of december', '2026-12-12', 'no, the 15th', '2026-12-15'],
  ['capture_time_au', '3pm', '15:00', 'no, 4', '16:00'],
  ['capture_datetime_au', 'friday at 3pm', '2026-11-27T15:00', 'no, 4pm', '2026-11-27T16:00'],
  ['capture_number', 'two hundred and fifty', '250', 'not 250, 260', '260'],
])('%s', (objectiveType, heard, captured, correction, corrected) => {
  test(`"${correction}" turns ${captured} into ${corrected}, which is read back again and then confirmed`, () => {
    const spec: AnyCaptureSpec = BUILT_IN_CAPTURES.find((s) => s.objectiveType === objectiveType)!;
    const options = readOptions(spec, {}, NOW);
    // 0.8: below the auto-accept threshold of the non-critical primitives, so every value is read back.
    let session: ObjectiveSession | undefined;
    const turn = (input: { transcription?: string; confirmation?: string }) => {
      const result = runTurn(spec, options, { confidence: 0.8, ...input }, session);
      session = result.session;
      return result.outcome;
    };
    expect(turn({ transcription: heard })).toMatchObject({ state: 'confirming', value: captured });
    expect(turn({ confirmation: correction })).toMatchObject({ state: 'confirming', value: corrected, retryCount: 1 });
    expect(turn({ confirmation: 'yep' })).toMatchObject({ state: 'completed', value: corrected, success: true });
  });
});
