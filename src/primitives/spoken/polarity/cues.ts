/** The vocabulary of the polarity reader: what a phrase in an answer does. */

/** What a phrase in an answer does. */
export type CueKind =
  /** A plain yes: "yes", "yep", "absolutely", "too right", "bloody oath". */
  | 'yes'
  /** Agreement with what was said: "that's right", "correct", "spot on". */
  | 'truth'
  /** Discourse markers that chain, the last one winning. */
  | 'marker-yes'
  | 'marker-no'
  /** A plain no: "nope", "not at all", "definitely not", "not yet". */
  | 'deny'
  /** Turning down an offer: "no thanks", "not today". */
  | 'decline'
  /** Refusing permission: "please don't", "I'd rather not", "I do mind". */
  | 'refuse'
  /** Consent that cannot be a refusal: "go ahead", "go for it", "I'd love that", "I wouldn't mind". */
  | 'proceed'
  /** Acceptance that after a no is a polite refusal: "that's fine", "all good", "no worries". */
  | 'settled'
  /** "I'm good", "I'm right", "I'm fine": no to an offer, yes to "are you OK?". */
  | 'self-ok'
  /** "I don't mind": yes to "do you mind?" or "can I?", indifference to an offer. */
  | 'dont-mind'
  /** An auxiliary answering the question's own: "I do", "it is", "we have". */
  | 'echo-yes'
  /** A negated auxiliary: "I don't", "it isn't", "haven't". */
  | 'echo-no'
  /** Doubt: "maybe", "not sure", "I don't know", "depends", "sort of". */
  | 'unclear'
  /** The caller did not hear or understand: "pardon", "can you repeat that". */
  | 'repeat'
  /** Nothing changed / something changed: the answer depends on the question. */
  | 'unchanged'
  | 'changed'
  /** "I mean", "wait", "actually", "sorry": a new answer may follow. */
  | 'correction'
  /** A condition or reservation: "but", "only", "unless", "if", "as long as". */
  | 'hedge'
  /** "please": a yes when nothing else answers ("Do you want a text?" "Please."). */
  | 'please'
  /** Words that sit in an answer without changing it: fillers, "mate", "thanks". */
  | 'neutral'
  /** Anything else: content words. */
  | 'other';

export interface Cue {
  kind: CueKind;
  /** Index of the first word and one past the last. */
  start: number;
  end: number;
  /** The words of the phrase, space-joined. */
  text: string;
  /** For echo cues: the auxiliary ("do", "be", "have", "would", …). */
  aux?: string;
  /** For echo cues: whether the auxiliary has a subject ("I do" rather than "do"). */
  subject?: boolean;
  /** For echo-no cues: whether content follows ("haven't seen it"). */
  followed?: boolean;
}

export interface AnswerScan {
  words: string[];
  cues: Cue[];
}
