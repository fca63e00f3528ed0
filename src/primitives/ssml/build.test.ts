import { XMLValidator } from 'fast-xml-parser';
import { digitGroups, escapeXml, sayAs, ssmlPrompt } from './build';

describe('the SSML builder', () => {
  test('escapes the five XML specials', () => {
    expect(escapeXml(`Tom & Jerry's <"place">`)).toBe('Tom &amp; Jerry&apos;s &lt;&quot;place&quot;&gt;');
  });

  test('say-as wraps escaped text, with an optional format', () => {
    expect(sayAs('telephone', '0412 345 678')).toBe('<say-as interpret-as="telephone">0412 345 678</say-as>');
    expect(sayAs('date', '14/07/1985', 'dmy')).toBe('<say-as interpret-as="date" format="dmy">14/07/1985</say-as>');
    expect(sayAs('characters', 'a&b')).toBe('<say-as interpret-as="characters">a&amp;b</say-as>');
  });

  test('digit groups are said digit by digit with a pause between', () => {
    expect(digitGroups(['1', '500', '000'])).toBe(
      '<say-as interpret-as="digits">1</say-as><break strength="weak"/><say-as interpret-as="digits">500</say-as>' +
        '<break strength="weak"/><say-as interpret-as="digits">000</say-as>',
    );
  });

  test('a prompt is escaped inside <speak>, its value words replaced by their SSML', () => {
    const ssml = ssmlPrompt("Just to confirm, that's oh four one two. Is that right?", [
      { text: 'oh four one two', ssml: sayAs('telephone', '0412') },
    ]);
    expect(ssml).toBe('<speak>Just to confirm, that&apos;s <say-as interpret-as="telephone">0412</say-as>. Is that right?</speak>');
    expect(XMLValidator.validate(ssml)).toBe(true);
  });

  test('the longer of two overlapping pieces wins; text outside them stays escaped', () => {
    const ssml = ssmlPrompt('A & B, a b c at x <here>', [
      { text: 'a', ssml: '<x/>' },
      { text: 'a b c at x', ssml: '<y/>' },
    ]);
    expect(ssml).toBe('<speak>A &amp; B, <y/> &lt;here&gt;</speak>');
  });

  test('without pieces, or when none is said, the prompt is only escaped', () => {
    expect(ssmlPrompt('What & when?')).toBe('<speak>What &amp; when?</speak>');
    expect(ssmlPrompt('Hi', [{ text: 'zz', ssml: '<z/>' }])).toBe('<speak>Hi</speak>');
  });
});
