import { normaliseUtterance, tokens } from './normalise';

/**
 * Reads a yes/no answer the Australian way. The answer is the run of polarity
 * phrases at the start of the utterance ("yeah nah", "no worries", "yeah no
 * that's right"), where the last polarity said wins; what follows the run is
 * returned as `remainder` (for corrections such as "no it's jane at …").
 */
export type Polarity = 'affirm' | 'deny' | 'unclear' | 'none';

export interface PolarityReading {
  polarity: Polarity;
  /** Normalised words after the answer, e.g. the corrected value. */
  remainder: string;
}

type Sign = 'affirm' | 'deny' | 'unclear' | 'neutral';

/**
 * Phrases, longest first so that "no worries" is read before "no". A
 * "neutral" phrase joins an answer without changing it ("it's", "mate").
 */
const PHRASE_WORDS: ReadonlyArray<readonly [readonly string[], Sign]> = (
  [
    // assent idioms that contain a negative word
    ['no worries', 'affirm'],
    ['no dramas', 'affirm'],
    ['no drama', 'affirm'],
    ['no probs', 'affirm'],
    ['no problem', 'affirm'],
    ['no problems', 'affirm'],
    ['not a problem', 'affirm'],
    ['not wrong', 'affirm'],
    ['you are not wrong', 'affirm'],
    ["you're not wrong", 'affirm'],
    ["can't complain", 'affirm'],
    ['why not', 'affirm'],
    // negations of assent
    ['not correct', 'deny'],
    ['not right', 'deny'],
    ['not quite', 'deny'],
    ['not really', 'deny'],
    ['not it', 'deny'],
    ["that's not right", 'deny'],
    ["that's not correct", 'deny'],
    ["that's not it", 'deny'],
    ['that is not right', 'deny'],
    ['that is not correct', 'deny'],
    ["that isn't right", 'deny'],
    ["that isn't correct", 'deny'],
    ["isn't right", 'deny'],
    ["isn't correct", 'deny'],
    ["it's not", 'deny'],
    ["that's wrong", 'deny'],
    ['that is wrong', 'deny'],
    ["you've got it wrong", 'deny'],
    ['you got it wrong', 'deny'],
    ['absolutely not', 'deny'],
    ['definitely not', 'deny'],
    ['certainly not', 'deny'],
    ['of course not', 'deny'],
    ['no way', 'deny'],
    ['no thanks', 'deny'],
    ['no thank you', 'deny'],
    ['not at all', 'deny'],
    ["i don't think so", 'deny'],
    ["don't think so", 'deny'],
    ["i'd rather not", 'deny'],
    ['rather not', 'deny'],
    ['please don\'t', 'deny'],
    ["don't", 'deny'],
    ['nope', 'deny'],
    ['nup', 'deny'],
    ['nah', 'deny'],
    ['naw', 'deny'],
    ['no', 'deny'],
    ['negative', 'deny'],
    ['wrong', 'deny'],
    ['incorrect', 'deny'],
    ['never', 'deny'],
    ['not', 'deny'],
    // doubt
    ["i don't know", 'unclear'],
    ["i'm not sure", 'unclear'],
    ['im not sure', 'unclear'],
    ['not sure', 'unclear'],
    ["don't know", 'unclear'],
    ['dunno', 'unclear'],
    ['no idea', 'unclear'],
    ['maybe', 'unclear'],
    ['perhaps', 'unclear'],
    ['possibly', 'unclear'],
    ['i guess', 'unclear'],
    ['kind of', 'unclear'],
    ['sort of', 'unclear'],
    ['what', 'unclear'],
    ['pardon', 'unclear'],
    ['sorry what', 'unclear'],
    ["i can't remember", 'unclear'],
    ["can't remember", 'unclear'],
    // assent
    ["that's right", 'affirm'],
    ['that is right', 'affirm'],
    ["that's correct", 'affirm'],
    ['that is correct', 'affirm'],
    ["that's it", 'affirm'],
    ["that's the one", 'affirm'],
    ['that one', 'affirm'],
    ["that's fine", 'affirm'],
    ["that'll do", 'affirm'],
    ["you've got it", 'affirm'],
    ['you got it', 'affirm'],
    ['got it in one', 'affirm'],
    ['too right', 'affirm'],
    ['spot on', 'affirm'],
    ['bang on', 'affirm'],
    ['sweet as', 'affirm'],
    ['all good', 'affirm'],
    ['all correct', 'affirm'],
    ['you beauty', 'affirm'],
    ['you bet', 'affirm'],
    ['sounds good', 'affirm'],
    ['sounds right', 'affirm'],
    ['go ahead', 'affirm'],
    ['go for it', 'affirm'],
    ['please do', 'affirm'],
    ['of course', 'affirm'],
    ['for sure', 'affirm'],
    ['uh huh', 'affirm'],
    ['mm hmm', 'affirm'],
    ['yes please', 'affirm'],
    ['yeah yeah', 'affirm'],
    ['right on', 'affirm'],
    ['righto', 'affirm'],
    ['right-o', 'affirm'],
    ['rightio', 'affirm'],
    ['yes', 'affirm'],
    ['yeah', 'affirm'],
    ['yea', 'affirm'],
    ['yeh', 'affirm'],
    ['yep', 'affirm'],
    ['yup', 'affirm'],
    ['ya', 'affirm'],
    ['yah', 'affirm'],
    ['aye', 'affirm'],
    ['sure', 'affirm'],
    ['correct', 'affirm'],
    ['right', 'affirm'],
    ['exactly', 'affirm'],
    ['absolutely', 'affirm'],
    ['definitely', 'affirm'],
    ['certainly', 'affirm'],
    ['affirmative', 'affirm'],
    ['ok', 'affirm'],
    ['okay', 'affirm'],
    ['k', 'affirm'],
    ['perfect', 'affirm'],
    ['bingo', 'affirm'],
    ['indeed', 'affirm'],
    ['true', 'affirm'],
    ['agreed', 'affirm'],
    ['confirmed', 'affirm'],
    ['confirm', 'affirm'],
    ['good', 'affirm'],
    ['great', 'affirm'],
    ['lovely', 'affirm'],
    ['beautiful', 'affirm'],
    ['excellent', 'affirm'],
    ['yes that is', 'affirm'],
    ['it is', 'affirm'],
    ['i do', 'affirm'],
    ['i am', 'affirm'],
    ['i have', 'affirm'],
    ['i did', 'affirm'],
    ['i don\'t', 'deny'],
    ["i'm not", 'deny'],
    ["i haven't", 'deny'],
    ["i didn't", 'deny'],
    ["it isn't", 'deny'],
    ["isn't", 'deny'],
    // words that sit inside an answer without changing it
    ['um', 'neutral'],
    ['uh', 'neutral'],
    ['er', 'neutral'],
    ['erm', 'neutral'],
    ['ah', 'neutral'],
    ['oh', 'neutral'],
    ['well', 'neutral'],
    ['mate', 'neutral'],
    ['thanks', 'neutral'],
    ['thank you', 'neutral'],
    ['cheers', 'neutral'],
    ['please', 'neutral'],
    ['sorry', 'neutral'],
    ['look', 'neutral'],
    ['so', 'neutral'],
    ['and', 'neutral'],
    ['but', 'neutral'],
    ['that is', 'neutral'],
    ["that's", 'neutral'],
    ['it', 'neutral'],
    ['i', 'neutral'],
    ['is', 'neutral'],
    ['was', 'neutral'],
    ['mmm', 'neutral'],
    ['hmm', 'neutral'],
    ['actually', 'neutral'],
    ['totally', 'neutral'],
    ['very', 'neutral'],
    ['much', 'neutral'],
  ] as Array<[string, Sign]>
)
  .map(([phrase, sign]) => [phrase.split(' '), sign] as const)
  .sort((a, b) => b[0].length - a[0].length);

export function readPolarity(text: string): PolarityReading {
  const words = tokens(normaliseUtterance(text).replace(/-/g, ' '));
  let polarity: Polarity = 'none';
  let i = 0;
  let answered = false;
  while (i < words.length) {
    const match = matchAt(words, i);
    if (match === undefined) break;
    const [length, sign] = match;
    // A bare "not" followed by content is a correction ("not outlook, optusnet"), not the end of the answer.
    if (sign !== 'neutral') {
      polarity = sign;
      answered = true;
    }
    i += length;
    if (sign === 'deny' && words[i - 1] === 'not' && i < words.length && matchAt(words, i) === undefined) break;
  }
  const remainder = words.slice(answered ? backOffNeutral(words, i) : 0).join(' ');
  return { polarity, remainder };
}

/** Moves the remainder start back over "it's"/"that's" so the remainder keeps its lead-in. */
function backOffNeutral(words: readonly string[], i: number): number {
  let j = i;
  while (j > 0 && (words[j - 1] === "it's" || words[j - 1] === "that's" || words[j - 1] === 'it' || words[j - 1] === 'is')) j--;
  return j;
}

function matchAt(words: readonly string[], i: number): readonly [number, Sign] | undefined {
  for (const [phrase, sign] of PHRASE_WORDS) {
    if (i + phrase.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < phrase.length; k++) {
      if (words[i + k] !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return [phrase.length, sign];
  }
  return undefined;
}
