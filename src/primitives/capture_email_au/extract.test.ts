import { extractEmail } from './extract';
import { repairEmail } from './repair';

/** Realistic recogniser output → the address a careful human would write down. */
const CAPTURED: ReadonlyArray<readonly [string, string]> = [
  // already formatted by the recogniser
  ['jane@gmail.com', 'jane@gmail.com'],
  ['Jane.Doe@Gmail.com.', 'jane.doe@gmail.com'],
  ['my email is jane.doe@outlook.com.au thanks', 'jane.doe@outlook.com.au'],
  ['jane.doe at gmail.com', 'jane.doe@gmail.com'],
  // spoken symbols
  ['jane dot doe at gmail dot com', 'jane.doe@gmail.com'],
  ['jane underscore smith at hotmail dot com', 'jane_smith@hotmail.com'],
  ['jane under score smith at yahoo dot com dot au', 'jane_smith@yahoo.com.au'],
  ['sarah dash jones at westnet dot com dot au', 'sarah-jones@westnet.com.au'],
  ['sarah hyphen jones at iinet dot net dot au', 'sarah-jones@iinet.net.au'],
  ['jane plus newsletters at gmail dot com', 'jane+newsletters@gmail.com'],
  ['jane period doe at gmail period com', 'jane.doe@gmail.com'],
  // lead-ins, fillers, sign-offs
  ['um my email is jane at gmail dot com', 'jane@gmail.com'],
  ["yeah sure it's uh bob at outlook dot com thanks", 'bob@outlook.com'],
  ['my email address is tom dot nguyen at bigpond dot net dot au cheers', 'tom.nguyen@bigpond.net.au'],
  ['you can reach me at jane at gmail dot com', 'jane@gmail.com'],
  ['so the best one is er mike at internode dot on dot net', 'mike@internode.on.net'],
  ['ok so its liam at tpg dot com dot au', 'liam@tpg.com.au'],
  // spelled letters and letter names
  ['j a n e at gmail dot com', 'jane@gmail.com'],
  ['my email is j a n e dot d o e at gmail dot com', 'jane.doe@gmail.com'],
  ['zed o e at yahoo dot com', 'zoe@yahoo.com'],
  ['k a y l e e at gmail dot com', 'kaylee@gmail.com'],
  // a spelling hint about the word before it, applied where it fits one place
  ["it's sara with an h at gmail dot com", 'sarah@gmail.com'],
  ['jane with a y dot doe at gmail dot com', 'jayne.doe@gmail.com'],
  ['steven with a p h at gmail dot com', 'stephen@gmail.com'],
  ['ann with an e on the end at bigpond dot com', 'anne@bigpond.com'],
  ['jane with a y, j a y n e, at gmail dot com', 'jayne@gmail.com'],
  ["it's phillip with two l's at gmail dot com", 'phillip@gmail.com'],
  ['alan with double l at bigpond dot com', 'allan@bigpond.com'],
  ['philip with one l at gmail dot com', 'philip@gmail.com'],
  // a correction after the address: a hint, or an ending swapped
  ['jane dot doe at gmail dot com, jane with a y', 'jayne.doe@gmail.com'],
  ['jane dot doe at gmail dot com sorry the end is dot net not dot com', 'jane.doe@gmail.net'],
  ['m for mike a r k at iinet dot net dot au', 'mark@iinet.net.au'],
  ['p as in peter e t e r at optusnet dot com dot au', 'peter@optusnet.com.au'],
  ['jane j a n e at gmail dot com', 'jane@gmail.com'],
  ['leigh l e i g h at gmail dot com', 'leigh@gmail.com'],
  ['lee l e i g h at gmail dot com', 'leigh@gmail.com'],
  ['capital j o h n at gmail dot com', 'john@gmail.com'],
  // digits as words and figures, double and triple
  ['peter one two three at tpg dot com dot au', 'peter123@tpg.com.au'],
  ['john smith seventy seven at gmail dot com', 'johnsmith77@gmail.com'],
  ['jane nineteen eighty five at gmail dot com', 'jane1985@gmail.com'],
  ['jane 85 at gmail dot com', 'jane85@gmail.com'],
  ['double l e e at bigpond dot com', 'llee@bigpond.com'],
  ['a double n a at gmail dot com', 'anna@gmail.com'],
  ['bob triple seven at hotmail dot com', 'bob777@hotmail.com'],
  ['jane zero seven at gmail dot com', 'jane07@gmail.com'],
  ['double you i l l at gmail dot com', 'will@gmail.com'],
  // provider homophones and Australian domains
  ['jane at gee mail dot com', 'jane@gmail.com'],
  ['jane at g mail dot com', 'jane@gmail.com'],
  ['jane at hot mail dot com dot au', 'jane@hotmail.com.au'],
  ['jane at out look dot com', 'jane@outlook.com'],
  ['jane at big pond dot net dot au', 'jane@bigpond.net.au'],
  ['jane at optus net dot com dot au', 'jane@optusnet.com.au'],
  ['jane at i i net dot net dot au', 'jane@iinet.net.au'],
  ['jane at acme dot com dot a u', 'jane@acme.com.au'],
  ['jane at acme dot com dot ay you', 'jane@acme.com.au'],
  ['jane at acme dot com au', 'jane@acme.com.au'],
  ['jane at health dot nsw dot gov dot au', 'jane@health.nsw.gov.au'],
  ['jane at unimelb dot edu dot au', 'jane@unimelb.edu.au'],
  ['jane at acme plumbing dot com dot au', 'jane@acmeplumbing.com.au'],
  // bare providers that have exactly one domain
  ['jane at gmail', 'jane@gmail.com'],
  ['jane at gmail dot', 'jane@gmail.com'],
  ['jane at optusnet', 'jane@optusnet.com.au'],
  ['jane at iinet', 'jane@iinet.net.au'],
  ['jane at icloud', 'jane@icloud.com'],
  // self-corrections: the last one wins, in whole or in part
  ['jane at gmail dot com no sorry jane dot doe at gmail dot com', 'jane.doe@gmail.com'],
  ['jane at hotmail dot com sorry i mean outlook dot com', 'jane@outlook.com'],
  ['bob at gmail dot com actually rob at gmail dot com', 'rob@gmail.com'],
  ['jane at hotmail no wait jane at gmail dot com', 'jane@gmail.com'],
  // saying the same address twice is not ambiguous
  ['jane at gmail dot com that is jane at gmail dot com', 'jane@gmail.com'],
  // recogniser artefacts: the at glued or set apart, "dot" heard as a full stop or joined to the ending
  ['karen@bigpond dot com', 'karen@bigpond.com'],
  ['jane @gmail.com', 'jane@gmail.com'],
  ['steve@ hotmail dot com dot au', 'steve@hotmail.com.au'],
  ['kevin at outlook. Com.', 'kevin@outlook.com'],
  ['jane at acme com au', 'jane@acme.com.au'],
  ['nick at gmail dotcom', 'nick@gmail.com'],
  ['name is L-E-E at gmail dot com', 'lee@gmail.com'],
  ['dave eighty-five at gmail dot com', 'dave85@gmail.com'],
  ['jane at g-mail dot com', 'jane@gmail.com'],
  ['jane at gmail dot con', 'jane@gmail.com'],
  ['jane at outlook dot com dot au dot au', 'jane@outlook.com.au'],
  // contracted lead-ins, and names that are also sentence words
  ["yeah look my email's jane at gmail dot com", 'jane@gmail.com'],
  ['my email is will at gmail dot com', 'will@gmail.com'],
  ["it's will dot harris at optusnet dot com dot au", 'will.harris@optusnet.com.au'],
  ['contact at acme plumbing dot com dot au', 'contact@acmeplumbing.com.au'],
  ['email me at jane at gmail dot com', 'jane@gmail.com'],
  // other ways of saying the at, and spelling instructions
  ['raj at the rate gmail dot com', 'raj@gmail.com'],
  ['jane at sign gmail dot com', 'jane@gmail.com'],
  ["it's smith family all one word at bigpond dot com", 'smithfamily@bigpond.com'],
  ["it's sarah with an h at gmail dot com", 'sarah@gmail.com'],
  // domains: apostrophes dropped, a determiner or a provider that is a sentence word starting the name
  ["sam at sam's plumbing dot com dot au", 'sam@samsplumbing.com.au'],
  ['info at the bakery dot com dot au', 'info@thebakery.com.au'],
  ['tom at me dot com', 'tom@me.com'],
  // runs of letter names, years said as numbers
  ['ess tee ee vee ee at gmail dot com', 'steve@gmail.com'],
  ['dee ay vee eye dee at gmail dot com', 'david@gmail.com'],
  ['jane two thousand and five at gmail dot com', 'jane2005@gmail.com'],
  ['ben two thousand at gmail dot com', 'ben2000@gmail.com'],
  // partial self-corrections: only the ending, only the domain after its at, only the part before the at
  ['sarah at hotmail dot com sorry i mean dot com dot au', 'sarah@hotmail.com.au'],
  ['jane at bigpond dot com no sorry dot net dot au', 'jane@bigpond.net.au'],
  ['jane at gmail dot com sorry i mean at yahoo dot com dot au', 'jane@yahoo.com.au'],
  ['tom dot smith at gmail dot com sorry tom underscore smith', 'tom_smith@gmail.com'],
  ['jane at gmail dot com no i mean jane dot doe', 'jane.doe@gmail.com'],
];

/** Utterances from which no address may be taken: the caller must be asked. */
const REJECTED: ReadonlyArray<readonly [string, 'none' | 'ambiguous']> = [
  ['', 'none'],
  ['hello', 'none'],
  ["I don't have an email", 'none'],
  ['can you hear me', 'none'],
  ['jane', 'none'],
  ['at gmail dot com', 'none'],
  ['jane at', 'none'],
  ['jane dot doe', 'none'],
  ['gmail dot com', 'none'],
  ['jane at dot com', 'none'],
  // a bare provider that exists as .com and .com.au
  ['jane at hotmail', 'ambiguous'],
  ['jane at outlook', 'ambiguous'],
  ['jane at yahoo', 'ambiguous'],
  ['jane at bigpond', 'ambiguous'],
  ['jane at live', 'ambiguous'],
  // an unknown domain with no ending
  ['jane at acme', 'ambiguous'],
  // two different addresses without a self-correction
  ['jane at gmail dot com or jane at hotmail dot com', 'ambiguous'],
  ['jane at gmail dot com and bob at gmail dot com', 'ambiguous'],
  ['jane at gmail or hotmail', 'ambiguous'],
  // the correction itself is ambiguous
  ['jane at gmail dot com sorry jane at hotmail', 'ambiguous'],
  ['jane at hotmail dot com sorry i mean at outlook', 'ambiguous'],
  // an ending is not a domain
  ['jane at dot com dot au', 'none'],
  ['jane at com dot au', 'none'],
  // alternatives offered with "or", wherever they stand
  ['jane or jenny at gmail dot com', 'ambiguous'],
  ['jane at gmail dot com I think or hotmail', 'ambiguous'],
  ["jane at outlook dot com dot au or dot com I'm not sure", 'ambiguous'],
  ['jane at gmail dot com or maybe jane at yahoo', 'ambiguous'],
  // a description of an address, not an address
  ["it's my first name dot last name at gmail dot com", 'none'],
  ['my email is the same as my name at gmail', 'none'],
  // cut short, or not writable as said
  ['jane underscore at gmail dot com', 'none'],
  ['jane space doe at gmail dot com', 'none'],
  // a spelling hint that fits more than one place, or none: asked for again
  ['caitlin with a y at gmail dot com', 'none'],
  ['jane with a p h at gmail dot com', 'none'],
  ['jane dot doe at gmail dot com, with a p h', 'none'],
  ['caitlin at gmail dot com, with a y', 'ambiguous'],
  // taken back, or doubted, after it was said
  ["jane at gmail dot com no wait I don't remember", 'none'],
  ['jane at gmail dot com sorry hang on', 'none'],
  ['jane at gmail dot com actually no', 'none'],
  // a second domain right after the first
  ['jane at gmail at hotmail', 'ambiguous'],
];

describe('extractEmail', () => {
  test.each(CAPTURED)('%j → %s', (heard, expected) => {
    expect(extractEmail(heard)).toEqual({ kind: 'value', value: expected });
  });

  test.each(REJECTED)('%j gives no value (%s)', (heard, kind) => {
    expect(extractEmail(heard).kind).toBe(kind);
  });

  test('ambiguity names the candidates', () => {
    expect(extractEmail('jane at hotmail')).toMatchObject({
      kind: 'ambiguous',
      candidates: ['jane@hotmail.com', 'jane@hotmail.com.au'],
      ask: { type: 'provider-domain', provider: 'hotmail' },
    });
  });
});

describe('repairEmail', () => {
  test.each([
    ['jane@outlook.com', 'not outlook, optusnet', 'jane@optusnet.com.au'],
    ['jane@outlook.com', "it's optusnet not outlook", 'jane@optusnet.com.au'],
    ['jane@gmail.com', 'no it is jane dot doe at gmail dot com', 'jane.doe@gmail.com'],
    ['jane@gmail.com', 'the domain is yahoo dot com dot au', 'jane@yahoo.com.au'],
    ['lee@gmail.com', "it's l e i g h", 'leigh@gmail.com'],
    ['jane@gmail.com', 'not com, com dot au', 'jane@gmail.com.au'],
    ['jane@hotmail.com', 'no dot com dot au', 'jane@hotmail.com.au'],
    ['jane@bigpond.com', "it's dot net dot au", 'jane@bigpond.net.au'],
    ['jane@gmail.com', "no it's at yahoo dot com", 'jane@yahoo.com'],
    // an ending swapped said with its dots, whichever way round
    ['kim@gmail.com', 'the end is dot net not dot com', 'kim@gmail.net'],
    ['kim@gmail.com', 'not dot com, dot net', 'kim@gmail.net'],
    ['kim@gmail.com', 'dot net instead of dot com', 'kim@gmail.net'],
    ['kim@hotmail.com', "it's dot com dot au not dot com", 'kim@hotmail.com.au'],
    ['kim@hotmail.com.au', 'not dot com dot au, just dot com', 'kim@hotmail.com'],
    ['kim@acme.com.au', 'not dot com dot au, dot net dot au', 'kim@acme.net.au'],
    // a provider swapped in other words
    ['jane@gmail.com', 'change gmail to optusnet', 'jane@optusnet.com.au'],
    ['jane@gmail.com', "it's optusnet instead of gmail", 'jane@optusnet.com.au'],
  ])('%s corrected by %j → %s', (previous, heard, expected) => {
    expect(repairEmail(previous, heard)).toEqual({ kind: 'value', value: expected });
  });

  test('a correction naming an ambiguous provider is asked about', () => {
    expect(repairEmail('jane@gmail.com', 'not gmail, hotmail')?.kind).toBe('ambiguous');
    expect(repairEmail('jane@gmail.com', "it's hotmail not gmail")?.kind).toBe('ambiguous');
    expect(repairEmail('jane@gmail.com', "not gmail, it's bigpond")?.kind).toBe('ambiguous');
    expect(repairEmail('jane@gmail.com', 'replace gmail with outlook')?.kind).toBe('ambiguous');
  });

  test('words that change nothing give no repair', () => {
    expect(repairEmail('jane@gmail.com', 'hmm')).toBeUndefined();
  });
});
