import type { Captured } from '../objective/capture-spec';
import { readPolarity } from '../spoken/polarity';
import { complete, extractAddress, partsOf, type AddressExtraction, type AddressOptions } from './extract';
import { joinGroups, readNumberRun } from './numbers';
import type { AddressParts } from './address-parts';
import { padPostcode } from './postcodes';
import { KEEP_JOINERS, PART_NAMES, RIGHT_WORDS, WRONG_PART, WRONG_WORDS, type PartName } from './part-words';
import { STREET_TYPES } from './vocabulary';
import { addressSegments, COMMA, placeCase, stateStartingAt } from './words';

/**
 * Applies a caller's correction to an address they did not confirm: "no it's
 * 14 not 40", "the postcode is 3056", "it's Road not Street", "unit 5", "it's
 * in Carlton", or a whole new address. Returns undefined when the words do not
 * change the address.
 */
export function repairAddress(previous: Captured, said: string, options: AddressOptions): AddressExtraction | undefined {
  const base = partsOf(previous.fields);
  const focus = partFocus(said);
  // "The suburb's wrong": that part is asked for, the rest kept; nothing is guessed.
  if (focus.wrong !== undefined && focus.rest.replace(/[^a-z0-9]/gi, '') === '') return askForPart(base, focus.wrong);
  const utterance = focus.rest;
  const { polarity, remainder } = readPolarity(utterance);
  const text = polarity === 'none' ? utterance : remainder;
  if (text.trim() === '') return undefined;

  const swapped = readSwap(utterance, base) ?? readTypeOnly(text, base);
  const result = swapped !== undefined ? complete(swapped, options) : readCorrection(text, base, options);
  if (result === undefined || result.kind === 'none') return undefined;
  if (result.kind === 'value' && result.value === previous.value) return undefined;
  return result;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
const PART = alternation(PART_NAMES.map(([phrase]) => phrase));
const IS = `(?:'s|s|\\s+is|\\s+was)?`;
/** "same street", "the street's right", "street is correct", and a joiner after it. */
const KEEP = new RegExp(
  `\\b(?:(?:it's|its|it is)\\s+)?(?:(?:the\\s+)?same\\s+(?:${PART})|(?:the\\s+)?(?:${PART})${IS}\\s+(?:${alternation(RIGHT_WORDS)}))\\b[\\s,]*(?:(?:${alternation(KEEP_JOINERS)})\\b[\\s,]*)?`,
  'gi',
);
/** "the suburb's wrong", "wrong postcode", "you've got the number wrong". */
const WRONG = new RegExp(
  `\\b(?:(?:the\\s+)?(${PART})${IS}\\s+(?:${alternation(WRONG_WORDS)})|(?:the\\s+)?(?:${alternation(WRONG_WORDS)})\\s+(${PART})|got\\s+the\\s+(${PART})\\s+wrong)\\b[\\s,.]*`,
  'i',
);
/** "same street, different suburb, Carlton": what follows gives the part. */
const DIFFERENT = new RegExp(`\\b(?:a\\s+)?(?:different|new|other)\\s+(?:${PART})\\b[\\s,]*`, 'gi');
/** "street number's 14", "the house number is 14": the reader knows "number 14". */
const NUMBER_LABEL = /\b(?:the\s+)?(?:street|house)\s+number(?:'s|s|\s+is)?\b/gi;

/** The part said to be wrong, if any, and the words left once kept parts and labels are taken out. */
function partFocus(said: string): { wrong?: PartName; rest: string } {
  let rest = said.replace(KEEP, ' ').replace(DIFFERENT, ' ').replace(NUMBER_LABEL, ' number ');
  const wrong = WRONG.exec(rest);
  let part: PartName | undefined;
  if (wrong !== null) {
    const phrase = (wrong[1] ?? wrong[2] ?? wrong[3]).toLowerCase().replace(/\s+/g, ' ');
    part = PART_NAMES.find(([p]) => p === phrase)?.[1];
    rest = rest.replace(wrong[0], ' ');
  }
  rest = rest.replace(/^[\s,]*(?:no|nah|nope|yeah|oh)?[\s,]*(?:(?:that's|thats|it's|its|you've|you have)\s*)?$/i, '');
  return { wrong: part, rest: rest.replace(/\s+/g, ' ').trim() };
}

/** Asks for the part the caller said is wrong, keeping the others (WRONG_PART says what goes). */
function askForPart(base: AddressParts, part: PartName): AddressExtraction {
  const { named, clears, ask } = WRONG_PART[part];
  const parts: AddressParts = { ...base };
  for (const key of clears) delete parts[key];
  return { kind: 'ambiguous', reason: `the caller said the ${named} is wrong`, parts, ask, options: [] };
}

/**
 * Reads the correction as the continuation of the previous value: what it
 * names replaces that part. A new postcode alone re-infers the state, which
 * may have been inferred from the old one.
 */
function readCorrection(text: string, base: AddressParts, options: AddressOptions): AddressExtraction | undefined {
  const result = extractAddress(text, options, { parts: base, options: [] });
  if (result.kind === 'ambiguous' && result.ask === 'state-postcode') {
    const withoutState = { ...base };
    delete withoutState.state;
    const again = extractAddress(text, options, { parts: withoutState, options: [] });
    if (again.kind === 'value') return again;
  }
  return result;
}

/** "it's a road", "road": only the street type changes. */
function readTypeOnly(text: string, base: AddressParts): AddressParts | undefined {
  const segment = addressSegments(text).pop() ?? [];
  const type = onlyStreetType(segment);
  if (type === undefined || base.streetName === undefined) return undefined;
  return { ...base, streetName: replaceType(base.streetName, type) };
}

/** The canonical type when a segment names only a street type ("it's a road", "road"). */
function onlyStreetType(words: readonly string[]): string | undefined {
  const content = words.filter((w) => !['a', 'an', 'the', "it's", 'its', 'it', 'is', COMMA, 'should', 'be', 'no'].includes(w));
  return content.length === 1 ? STREET_TYPES.get(content[0])?.canonical : undefined;
}

function replaceType(streetName: string, type: string): string {
  const words = streetName.split(' ');
  if (words.length > 1 && STREET_TYPES.has(words[words.length - 1].toLowerCase())) words.pop();
  return `${words.join(' ')} ${type}`;
}

const EDGE_WORDS = new Set(["it's", 'its', 'it', 'is', 'the', 'a', 'an', 'but', 'no', 'nah', 'nope', 'yeah', 'should', 'be', COMMA]);
/** Words that name the part being corrected ("the postcode is 3056 not 3065"). */
const LABEL_WORDS = new Set(['postcode', 'post', 'code', 'suburb', 'number', 'street', 'name', 'state', 'unit', 'house']);

/** "14 not 40", "not 40, 14", "not Smith Street, Smyth Street", "it's road not street". */
function readSwap(utterance: string, base: AddressParts): AddressParts | undefined {
  const segment = addressSegments(utterance).pop() ?? [];
  const notAt = segment.indexOf('not');
  if (notAt < 0) return undefined;
  const phrase = (from: number, to: number): string[] => {
    const out = segment.slice(from, to);
    while (out.length > 1 && (EDGE_WORDS.has(out[0]) || LABEL_WORDS.has(out[0]))) out.shift();
    while (out.length > 0 && EDGE_WORDS.has(out[out.length - 1])) out.pop();
    return out.length === 1 && EDGE_WORDS.has(out[0]) ? [] : out;
  };
  let wrongStart = notAt + 1;
  while (wrongStart < segment.length && EDGE_WORDS.has(segment[wrongStart])) wrongStart++;
  let wrongEnd = wrongStart;
  while (wrongEnd < segment.length && !EDGE_WORDS.has(segment[wrongEnd])) wrongEnd++;
  const wrong = phrase(wrongStart, wrongEnd);
  const before = phrase(0, notAt);
  const right = before.length > 0 ? before : phrase(wrongEnd, segment.length);
  if (wrong.length === 0 || right.length === 0) return undefined;
  return swapIn(base, wrong, right);
}

function asNumber(words: readonly string[]): string | undefined {
  const run = readNumberRun(words, 0);
  if (run !== undefined && run.end === words.length) return joinGroups(run.groups);
  return words.length === 1 && /^[0-9]+[a-z]?$/.test(words[0]) ? words[0].toUpperCase() : undefined;
}

function swapIn(base: AddressParts, wrong: readonly string[], right: readonly string[]): AddressParts | undefined {
  const wrongNumber = asNumber(wrong);
  const rightNumber = asNumber(right);
  if (wrongNumber !== undefined && rightNumber !== undefined) {
    if (base.number === wrongNumber) return { ...base, number: rightNumber };
    if (base.unit === wrongNumber) return { ...base, unit: rightNumber };
    if (base.postcode !== undefined && base.postcode === padPostcode(wrongNumber)) {
      const postcode = padPostcode(rightNumber);
      if (postcode === undefined) return undefined;
      const out = { ...base, postcode };
      delete out.state;
      return out;
    }
    return undefined;
  }
  const wrongState = stateStartingAt(wrong, 0);
  const rightState = stateStartingAt(right, 0);
  if (wrongState !== undefined && rightState !== undefined && wrongState[1] === wrong.length && base.state === wrongState[0]) {
    return { ...base, state: rightState[0] };
  }
  const wrongText = placeCase(wrong);
  const rightType = right.length === 1 ? STREET_TYPES.get(right[0])?.canonical : undefined;
  const wrongType = wrong.length === 1 ? STREET_TYPES.get(wrong[0])?.canonical : undefined;
  if (base.streetName !== undefined && rightType !== undefined && wrongType !== undefined && base.streetName.endsWith(` ${wrongType}`)) {
    return { ...base, streetName: replaceType(base.streetName, rightType) };
  }
  // "it's Smith Road not Street": the street said again with another type.
  const saidType = STREET_TYPES.get(right[right.length - 1] ?? '')?.canonical;
  if (base.streetName !== undefined && wrongType !== undefined && saidType !== undefined && base.streetName.endsWith(` ${wrongType}`)) {
    const name = placeCase(right.slice(0, -1));
    if (name === '' || base.streetName.startsWith(`${name} `)) return { ...base, streetName: replaceType(base.streetName, saidType) };
  }
  const rightText = placeCase(right);
  if (base.suburb !== undefined && base.suburb.toLowerCase() === wrongText.toLowerCase()) return { ...base, suburb: rightText };
  if (base.streetName !== undefined && ` ${base.streetName} `.includes(` ${wrongText} `)) {
    // "not King Street, Queen": the type stays when the correction leaves it out.
    const keptType = STREET_TYPES.get(wrong[wrong.length - 1]);
    const replacement =
      keptType !== undefined && !STREET_TYPES.has(right[right.length - 1]) ? `${rightText} ${keptType.canonical}` : rightText;
    return { ...base, streetName: ` ${base.streetName} `.replace(` ${wrongText} `, ` ${replacement} `).trim() };
  }
  if (base.suburb !== undefined && ` ${base.suburb} `.includes(` ${wrongText} `)) {
    return { ...base, suburb: ` ${base.suburb} `.replace(` ${wrongText} `, ` ${rightText} `).trim() };
  }
  return undefined;
}
