/**
 * Auxiliaries an answer can echo ("Do you …?" "I do."), with the subjects
 * that may come before them. Generated rather than listed: every subject with
 * every auxiliary, affirmative and negated.
 */
const SUBJECTS = ['i', 'we', 'you', 'they', 'he', 'she', 'it', 'there', 'that', 'this'];
const AUXILIARIES: ReadonlyArray<readonly [aux: string, forms: readonly string[], negated: readonly string[]]> = [
  [
    'do',
    ['do', 'does', 'sure do', 'certainly do', 'definitely do', 'really do', 'still do', 'still does'],
    ["don't", 'do not', "doesn't", 'does not'],
  ],
  ['did', ['did', 'sure did', 'certainly did', 'definitely did'], ["didn't", 'did not']],
  [
    'be',
    [
      'am',
      'is',
      'are',
      'sure am',
      'sure is',
      'sure are',
      'certainly am',
      'certainly is',
      'certainly are',
      'definitely am',
      'definitely is',
      'definitely are',
      'still am',
      'still is',
      'still are',
    ],
    ["isn't", "aren't", 'am not', 'is not', 'are not', 'still not'],
  ],
  ['was', ['was', 'were'], ["wasn't", "weren't", 'was not', 'were not']],
  [
    'have',
    ['have', 'has', 'sure have', 'sure has', 'certainly have', 'definitely have', 'still have', 'still has'],
    ["haven't", "hasn't", 'have not', 'has not', 'still have not', "still haven't"],
  ],
  ['will', ['will', 'sure will', 'certainly will', 'definitely will'], ["won't", 'will not']],
  ['would', ['would', 'certainly would', 'definitely would'], ["wouldn't", 'would not']],
  ['can', ['can', 'sure can', 'certainly can', 'could'], ["can't", 'cannot', 'can not', "couldn't", 'could not']],
  ['should', ['should'], ["shouldn't", 'should not']],
];
/** Contracted subjects with "be" or "have", negated: "I'm not", "it's not", "we've not". */
const CONTRACTED_NEGATIONS: ReadonlyArray<readonly [string, string]> = [
  ...["i'm", "we're", "you're", "they're", "he's", "she's", "it's", "that's", "there's"].map((s) => [s, 'be'] as const),
  ...["i've", "we've", "they've"].map((s) => [s, 'have'] as const),
];

export interface EchoEntry {
  words: string[];
  kind: 'echo-yes' | 'echo-no';
  aux: string;
  subject: boolean;
}

/** Every echo phrase: "i do", "it isn't", "sure is", "we've not" …, with its auxiliary. */
export const ECHOES: readonly EchoEntry[] = (() => {
  const out: EchoEntry[] = [];
  const add = (phrase: string, kind: EchoEntry['kind'], aux: string, subject: boolean): void => {
    out.push({ words: phrase.split(' '), kind, aux, subject });
  };
  for (const [aux, forms, negated] of AUXILIARIES) {
    for (const form of negated) add(form, 'echo-no', aux, false);
    // "sure is", "still do": a modified auxiliary answers on its own.
    for (const form of forms) if (form.includes(' ')) add(form, 'echo-yes', aux, false);
    for (const subject of SUBJECTS) {
      for (const form of forms) add(`${subject} ${form}`, 'echo-yes', aux, true);
      for (const form of negated) add(`${subject} ${form}`, 'echo-no', aux, true);
    }
  }
  for (const [contracted, aux] of CONTRACTED_NEGATIONS) {
    add(`${contracted} not`, 'echo-no', aux, true);
    add(`${contracted} still not`, 'echo-no', aux, true);
  }
  return out;
})();
