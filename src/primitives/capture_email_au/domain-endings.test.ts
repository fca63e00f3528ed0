import { AU_ZONE_WITHOUT_DOT, GLUED_ENDING, isEndingAnswer, isEndingOnly, TOP_LEVEL_LABELS, UNMISTAKABLE_LABELS } from './domain-endings';

describe('domain endings', () => {
  test('an ending alone is not a domain; a name with an ending is', () => {
    expect(isEndingOnly('com.au')).toBe(true);
    expect(isEndingOnly('net')).toBe(true);
    expect(isEndingOnly('co.uk')).toBe(true);
    expect(isEndingOnly('bigpond.com')).toBe(false);
    expect(isEndingOnly('io')).toBe(false);
    expect(isEndingOnly('')).toBe(false);
  });

  test('answers to "what comes after …?"', () => {
    for (const answer of ['com', 'com.au', 'net.au', 'asn.au', 'co.nz', 'au', 'de']) expect(isEndingAnswer(answer)).toBe(true);
    for (const answer of ['acme.com', 'gmail', 'com.au.au', 'info.au']) expect(isEndingAnswer(answer)).toBe(false);
  });

  test('spoken shapes of the Australian endings', () => {
    expect(GLUED_ENDING.exec('dotcom')?.[1]).toBe('com');
    expect(GLUED_ENDING.exec('dot-au')?.[1]).toBe('au');
    expect(GLUED_ENDING.test('dotio')).toBe(false);
    expect('acme.comau'.replace(AU_ZONE_WITHOUT_DOT, '.$1.au')).toBe('acme.com.au');
    expect('acme.asnau'.replace(AU_ZONE_WITHOUT_DOT, '.$1.au')).toBe('acme.asn.au');
    // "westnet" ends in net: net without its dot is not an ending.
    expect(UNMISTAKABLE_LABELS.has('net')).toBe(false);
    expect(TOP_LEVEL_LABELS.has('io')).toBe(true);
  });
});
