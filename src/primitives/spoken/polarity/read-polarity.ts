import { judgeAnswer } from './judge';
import { scanAnswer } from './scan';

export type Polarity = 'affirm' | 'deny' | 'unclear' | 'none';

export interface PolarityReading {
  polarity: Polarity;
  /** Normalised words after the answer, e.g. the corrected value. */
  remainder: string;
}

/**
 * The state machine's reading of an answer to "is that right?": the answer is
 * the run of cues at the start of the utterance; what follows the run is the
 * `remainder` (for corrections such as "no it's jane at …"). A conflict, doubt,
 * a request to repeat, or a yes with a reservation ("yes but the last bit's
 * wrong") is `unclear`: the value is not confirmed on it.
 */
export function readPolarity(text: string): PolarityReading {
  const { words, cues } = scanAnswer(text);
  let end = 0;
  while (end < cues.length && cues[end].kind !== 'other') {
    end++;
    // A bare "not" followed by content is a correction ("not outlook, optusnet"): the run ends there.
    if (cues[end - 1].text === 'not' && cues[end]?.kind === 'other') break;
    // So is a negated auxiliary carrying content ("haven't got a dot").
    if (cues[end - 1].followed === true) break;
  }
  const run = cues.slice(0, end);
  const verdict = judgeAnswer(run);
  const answered = run.some((c) => c.kind !== 'neutral' && c.kind !== 'other');
  // Neutral words between the answer and what follows belong to what follows ("no, it's oh four …").
  let answerEnd = end;
  while (answerEnd > 0 && run[answerEnd - 1].kind === 'neutral') answerEnd--;
  const start = end >= cues.length ? words.length : answerEnd < end ? cues[answerEnd].start : cues[end].start;
  const remainder = !answered ? words.join(' ') : end >= cues.length ? '' : words.slice(backOffNeutral(words, start)).join(' ');
  const reservation = verdict.judgement === 'affirm' && run.length > 0 && run[run.length - 1].kind === 'hedge' && end < cues.length;
  let polarity: Polarity;
  switch (verdict.judgement) {
    case 'affirm':
      polarity = verdict.hedged || reservation ? 'unclear' : 'affirm';
      break;
    case 'deny':
      polarity = 'deny';
      break;
    case 'unclear':
    case 'repeat':
    case 'question':
    case 'conflict':
    case 'undecided':
      polarity = 'unclear';
      break;
    default:
      polarity = verdict.pleaseOnly ? 'affirm' : 'none';
  }
  return { polarity, remainder };
}

/** Moves the remainder start back over "it's"/"that's" so the remainder keeps its lead-in. */
function backOffNeutral(words: readonly string[], i: number): number {
  let j = i;
  while (j > 0 && (words[j - 1] === "it's" || words[j - 1] === "that's" || words[j - 1] === 'it' || words[j - 1] === 'is')) j--;
  return j;
}
