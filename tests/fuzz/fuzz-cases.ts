import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ErrorCode, type ExecutePrimitiveRequest, type ExecutePrimitiveResponse } from '../../generated/voice_core/voice_core';
import { BUILT_IN_CAPTURES } from '../../src/primitives/defaults';
import { VoiceCoreRequestError } from '../../src/runtime/errors';
import type { VoiceCore } from '../../src/runtime/voice-core';

/**
 * The fuzz cases and their properties, shared by tests/fuzz/*.test.ts (a few seconds in `npm test`)
 * and bench/fuzz.ts (a million cases). A case is one objective run turn by turn (one turn is the
 * single-shot case) with utterances drawn from our spoken vocabulary, the corpus and hostile strings,
 * plus params whose keys and values are hostile too.
 */

const NUMBER_WORDS =
  'zero oh one two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty forty fifty ninety hundred thousand million double triple point minus half quarter'.split(
    ' ',
  );
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('').concat(['bee', 'see', 'dee', 'double u', 'zed', 'aitch', 'for', 'as in']);
const EMAIL_WORDS = [
  'at',
  'dot',
  'underscore',
  'dash',
  'hyphen',
  'com',
  'au',
  'net',
  'gmail',
  'hotmail',
  'bigpond',
  'outlook',
  'all one word',
  'capital',
];
const MONTHS =
  "january february march april may june july august september october november december monday friday sunday tomorrow today next last week am pm noon midnight o'clock past to the first second third twenty-first".split(
    ' ',
  );
const ADDRESS_WORDS =
  'street st road rd avenue ave lane court crescent parade highway unit apartment flat level po box vic nsw qld wa sa tas act nt victoria sydney melbourne fitzroy bondi newtown'.split(
    ' ',
  );
const TURN_WORDS =
  "yes no yeah nah yep nope correct wrong sorry actually um uh hang on wait repeat that say again pardon I'd rather not say skip not sure maybe is that right".split(
    ' ',
  );

/** Strings that have broken parsers elsewhere: prototype names, invisible and bidi characters, homoglyphs, full-width forms. */
export const HOSTILE_STRINGS: readonly string[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\ufeff',
  '\u00a0',
  'gm\u0430il', // Cyrillic а
  '\u0430\u0442', // "ат" in Cyrillic
  '\uff20', // full-width ＠
  '\uff47\uff4d\uff41\uff49\uff4c', // full-width gmail
  '\uff11\uff12', // full-width 12
  'e\u0301',
  '\ud83d\ude00',
  '\ud800', // lone surrogate
  '\u0000',
  '\t\n\r',
  '١٢٣', // Arabic-Indic digits
  '1e309',
  '-0',
  '0x1f',
  '9'.repeat(40),
  '.'.repeat(30),
  '@@@',
  '{"transcript":"x"}',
];

/** Words that must never appear in a value or prompt unless the caller said them: none of our inputs say them. */
export const GARBAGE_MARKERS: readonly string[] = ['function', '[object', 'undefined', 'NaN'];

function corpusUtterances(): string[] {
  const dir = join(process.cwd(), 'tests/fixtures/corpus');
  const utterances: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<{
      transcription?: string;
      turns?: Array<{ transcription?: string }>;
    }>;
    for (const c of cases) {
      if (typeof c.transcription === 'string') utterances.push(c.transcription);
    }
  }
  return utterances;
}

const CORPUS = corpusUtterances();
const VOCABULARY = [...NUMBER_WORDS, ...LETTERS, ...EMAIL_WORDS, ...MONTHS, ...ADDRESS_WORDS, ...TURN_WORDS];

export const OBJECTIVE_TYPES: readonly string[] = BUILT_IN_CAPTURES.map((s) => s.objectiveType);
const OWN_PARAMS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  BUILT_IN_CAPTURES.map((s) => [s.objectiveType, Object.keys(s.params)]),
);

const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
);

/** A word soup, a corpus utterance (perhaps mutated), or a very long input. */
export const utterance: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(token, { minLength: 1, maxLength: 14 }).map((words) => words.join(' ')) },
  { weight: 4, arbitrary: fc.constantFrom(...CORPUS) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...CORPUS), fc.array(fc.tuple(fc.nat(), token, fc.boolean()), { minLength: 1, maxLength: 3 }))
      .map(([text, edits]) => {
        const words = text.split(' ');
        for (const [at, word, replace] of edits) words.splice(at % (words.length + 1), replace ? 1 : 0, word);
        return words.join(' ');
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...CORPUS, ...VOCABULARY), fc.constantFrom(1_000, 4_000, 100_000))
      .map(([text, length]) => `${text} `.repeat(Math.ceil(length / (text.length + 1))).slice(0, length)),
  },
);

const paramValue = fc.oneof(
  fc.constantFrom('', ' ', 'true', 'false', '0', '1', '0.5', '0x1', '-1', '1e400', '[]', '{}', 'null', '[{"transcript":"yes"}]'),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 12 }),
);

export interface Turn {
  transcription?: string;
  confirmation?: string;
}

export interface FuzzCase {
  objectiveType: string;
  turns: Turn[];
  /** Extra params sent on every turn: the primitive's own, base ones and unknown (hostile) keys. */
  params: Record<string, string>;
}

const turn: fc.Arbitrary<Turn> = fc.record(
  { transcription: utterance, confirmation: fc.oneof(utterance, fc.constantFrom('yes', 'no', "yeah that's right", 'nope')) },
  { requiredKeys: [] },
);

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.constantFrom(...OBJECTIVE_TYPES).chain((objectiveType) =>
  fc.record({
    objectiveType: fc.constant(objectiveType),
    turns: fc.array(turn, { minLength: 1, maxLength: 4 }),
    params: fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      {
        weight: 2,
        arbitrary: fc.dictionary(
          fc.constantFrom(...OWN_PARAMS[objectiveType], 'confidence', 'prompt_interrupted', 'readback_token', 'alternatives'),
          paramValue,
          { maxKeys: 2 },
        ),
      },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 7)), paramValue, { maxKeys: 1 }) },
    ),
  }),
);

/** What the validators accept as each primitive's value. */
export const VALUE_SHAPES: Readonly<Record<string, (value: string) => boolean>> = {
  capture_email_au: (v) => /^[\x21-\x3f\x41-\x7e]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(v),
  capture_phone_au: (v) => /^\+?\d{3,15}$/.test(v),
  capture_address_au: (v) => v.trim() !== '' && v.trim() === v,
  capture_name_au: (v) => /^\p{L}[\p{L}\p{M}' .-]*$/u.test(v),
  capture_date_au: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  capture_time_au: (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
  capture_datetime_au: (v) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(v) && new Date(`${v}:00Z`).toISOString().startsWith(v),
  capture_yes_no: (v) => v === 'yes' || v === 'no',
  capture_number: (v) => /^-?\d+(\.\d+)?$/.test(v) && v.replace(/\D/g, '').replace(/^0+(?=\d)/, '').length <= 15,
  capture_alphanumeric: (v) => /^[A-Z0-9]+$/.test(v),
};

/** Statuses a refused request may have: the input was the caller's fault, and the message says which field. */
const REFUSALS = new Set(['INVALID_ARGUMENT', 'FAILED_PRECONDITION']);

export type Property = 'no-throw' | 'no-internal' | 'no-garbage' | 'valid-value' | 'deterministic' | 'bounded-time';

export interface CaseResult {
  failed: Property[];
  /** The most CPU time a call of the case took (ms). */
  slowestMs: number;
  calls: number;
  detail?: string;
}

/** One outcome of a turn, as compared between runs (no ids, no durations). */
function summary(outcome: ExecutePrimitiveResponse | { refused: string }): string {
  if ('refused' in outcome) return `refused ${outcome.refused}`;
  return JSON.stringify([outcome.success, outcome.state, outcome.value, outcome.prompt, outcome.error?.code, outcome.fields]);
}

let conversation = 0;

/** Runs a case turn by turn on a fresh conversation; the summaries of its turns. */
async function run(core: VoiceCore, c: FuzzCase, result: CaseResult, maxCallMs: number): Promise<string[]> {
  const conversationId = `fuzz-${++conversation}`;
  const summaries: string[] = [];
  for (const t of c.turns) {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(c.params)) Object.defineProperty(params, key, { value, enumerable: true, writable: true });
    if (t.transcription !== undefined) params.transcription = t.transcription;
    if (t.confirmation !== undefined) params.confirmation = t.confirmation;
    const request: ExecutePrimitiveRequest = {
      objectiveType: c.objectiveType,
      conversationId,
      traceId: '',
      purpose: '',
      params,
      timeoutSeconds: 0,
    };
    // CPU time, not wall time: on a shared machine the wall clock measures the neighbours too.
    const started = process.cpuUsage();
    let outcome: ExecutePrimitiveResponse | { refused: string };
    try {
      outcome = await core.execute(request);
    } catch (error) {
      if (
        !(error instanceof VoiceCoreRequestError) ||
        !REFUSALS.has(error.status) ||
        (error.field === undefined && error.status === 'INVALID_ARGUMENT')
      ) {
        result.failed.push('no-throw');
        result.detail ??= `${c.objectiveType} threw ${error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error)}`;
        return summaries;
      }
      outcome = { refused: error.status };
    }
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    result.calls++;
    result.slowestMs = Math.max(result.slowestMs, ms);
    if (ms > maxCallMs) push(result, 'bounded-time', `${c.objectiveType} took ${ms.toFixed(1)} ms of CPU`);
    summaries.push(summary(outcome));
    if ('refused' in outcome) continue;
    if (outcome.error?.code === ErrorCode.ERROR_CODE_INTERNAL) push(result, 'no-internal', `${c.objectiveType}: ${outcome.error.message}`);
    const shown = [outcome.value, outcome.prompt, outcome.promptSsml, ...Object.values(outcome.fields)];
    const marker = GARBAGE_MARKERS.find((m) => shown.some((s) => s.includes(m)));
    if (marker !== undefined)
      push(result, 'no-garbage', `${c.objectiveType} said ${JSON.stringify(marker)}: ${JSON.stringify(shown).slice(0, 300)}`);
    if (outcome.success && !VALUE_SHAPES[c.objectiveType](outcome.value)) {
      push(result, 'valid-value', `${c.objectiveType} captured ${JSON.stringify(outcome.value).slice(0, 200)}`);
    }
  }
  return summaries;
}

function push(result: CaseResult, property: Property, detail: string): void {
  if (!result.failed.includes(property)) result.failed.push(property);
  result.detail ??= detail;
}

/** Runs a case twice (determinism) and checks every property on every turn. */
export async function checkCase(core: VoiceCore, c: FuzzCase, maxCallMs = 200): Promise<CaseResult> {
  const result: CaseResult = { failed: [], slowestMs: 0, calls: 0 };
  const first = await run(core, c, result, maxCallMs);
  if (result.failed.includes('no-throw')) return result;
  const second = await run(core, c, result, maxCallMs);
  if (JSON.stringify(first) !== JSON.stringify(second))
    push(result, 'deterministic', `${JSON.stringify(first).slice(0, 200)} vs ${JSON.stringify(second).slice(0, 200)}`);
  return result;
}

/** The seed of a run: FUZZ_SEED when set, else a fixed one, so that `npm test` is repeatable. */
export function fuzzSeed(): number {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isSafeInteger(fromEnv) ? fromEnv : 20261205;
}
