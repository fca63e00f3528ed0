/**
 * The words that bring another person into an answer about a name ("my wife
 * is Mary", "put it under my husband's name, Peter"), for second-person.ts.
 */

/** People a caller names besides themselves: after "my", "our", "his", "her" or "their". */
export const RELATION_WORDS: readonly string[] = [
  'wife',
  'husband',
  'hubby',
  'missus',
  'missis',
  'partner',
  'spouse',
  'fiance',
  'fiancee',
  'boyfriend',
  'girlfriend',
  'son',
  'daughter',
  'kid',
  'child',
  'boy',
  'girl',
  'mum',
  'mom',
  'mother',
  'dad',
  'father',
  'brother',
  'sister',
  'nan',
  'nana',
  'nanna',
  'grandma',
  'grandpa',
  'grandmother',
  'grandfather',
  'grandson',
  'granddaughter',
  'aunt',
  'auntie',
  'aunty',
  'uncle',
  'niece',
  'nephew',
  'cousin',
  'friend',
  'mate',
  'flatmate',
  'housemate',
  'colleague',
  'boss',
  'manager',
  'carer',
  'client',
  'other half',
  'better half',
];

/** Words between the possessive and the relation: "my eldest daughter", "my late husband". */
export const RELATION_QUALIFIERS: readonly string[] = [
  'little',
  'eldest',
  'oldest',
  'youngest',
  'older',
  'younger',
  'big',
  'late',
  'elderly',
  'best',
  'de facto',
];

/**
 * Words right before "my <relation>" that make that person the one the name is for: "put it
 * under my husband", "the booking's for my daughter", "in my wife's name", "on behalf of my dad".
 */
export const FOR_WORDS: readonly string[] = ['under', 'for', 'in', 'of'];

/** How a clause starts when the caller speaks of themselves again: it does not continue another person's clause. */
export const SELF_STARTS: readonly string[] = [
  'i',
  "i'm",
  'im',
  'i am',
  'me',
  'myself',
  'my name',
  "my name's",
  'mine',
  'this is',
  "it's me",
];

/** Said between the relation and their name: "my wife is Mary", "my son's name is Jack", "my boss, called Dev". */
export const BEFORE_THEIR_NAME: readonly string[] = [
  "'s name is",
  "'s name",
  "'s",
  'name is',
  'name',
  'is',
  'was',
  'called',
  'named',
  'by the name of',
];

/** Things of the other person's, after "'s": "my husband's appointment" is no name ("my son's Tom" is). */
export const THEIR_THINGS: readonly string[] = [
  'appointment',
  'booking',
  'reservation',
  'account',
  'policy',
  'order',
  'card',
  'details',
  'number',
  'phone',
  'mobile',
  'email',
  'car',
  'house',
  'place',
  'birthday',
  'file',
  'table',
  'school',
  'work',
  'business',
  'company',
  'ticket',
  'claim',
  'membership',
];
