/**
 * Words a caller says after the value itself ("… thanks mate", "… that's it, yeah"): every
 * primitive that strips a sign-off from the end of an utterance starts from these, then adds
 * its own (an address also ends in "Australia", a name in "speaking").
 */
export const SIGN_OFF_WORDS: readonly string[] = [
  'thanks',
  'thank',
  'you',
  'cheers',
  'mate',
  'please',
  'ta',
  'yeah',
  'ok',
  'okay',
  "that's",
  'thats',
  'it',
  'is',
  'right',
  'and',
];
