import { normaliseUtterance, tokens } from './normalise';

/**
 * Reads a yes/no answer the Australian way, without knowing the question.
 *
 * An answer is scanned into cues: phrases that say yes or no ("yep", "nah",
 * "too right", "not quite"), say something about the answer ("maybe", "can you
 * repeat that"), correct it ("I mean", "wait") or qualify it ("but", "only
 * if"). Unknown words are kept as content. The rules that turn cues into an
 * answer:
 *
 * - The discourse markers "yeah", "nah" and "no" chain, and the last one wins:
 *   "yeah nah" is no, "nah yeah" is yes.
 * - Content after a marker governs: "yeah no that's right" is yes, "no that's
 *   right" is yes, "yeah that's not right" is no.
 * - Two plain answers that disagree without a correction are a conflict:
 *   "yes no", "yes that's wrong", "nope that's right".
 * - Acceptance after a no ("nah all good", "no that's fine", "nah you're
 *   right") is a polite refusal by default (the safe reading of a read-back);
 *   a reader that knows the question may take it as "no problem" or ask.
 * - A trailing "yeah" confirms what came before it ("I'm good yeah"); a
 *   trailing "no" after a yes contradicts it ("yes no").
 * - A correction ("I mean", "wait", "actually", "sorry") followed by a new
 *   answer replaces what came before: "yes, sorry, I mean no" is no.
 * - Doubt anywhere makes the answer unclear: "yeah maybe", "not sure".
 * - A yes with a condition ("yes but only on weekdays", "yes if it's free") is
 *   flagged `hedged`: the condition cannot be kept in a yes/no.
 *
 * Answers whose meaning depends on the question ("not at all", "I'm good",
 * "I don't mind", "I do") are cues too; `judgeAnswer` takes the signs from the
 * caller so that a primitive that knows the question can read them its way
 * (capture_yes_no). Without a question they are read as a confirmation answer.
 */
export type Polarity = 'affirm' | 'deny' | 'unclear' | 'none';

export interface PolarityReading {
  polarity: Polarity;
  /** Normalised words after the answer, e.g. the corrected value. */
  remainder: string;
}

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

const LEXICON: ReadonlyArray<readonly [string, CueKind]> = [
  // plain yes
  ['yes', 'yes'],
  ['yep', 'yes'],
  ['yup', 'yes'],
  ['yeap', 'yes'],
  ['yess', 'yes'],
  ['aye', 'yes'],
  ['affirmative', 'yes'],
  ['absolutely', 'yes'],
  ['definitely', 'yes'],
  ['certainly', 'yes'],
  ['indeed', 'yes'],
  ['totally', 'yes'],
  ['of course', 'yes'],
  ['course', 'yes'],
  ['for sure', 'yes'],
  ['too right', 'yes'],
  ['bloody oath', 'yes'],
  ['bloody oath mate', 'yes'],
  ['my oath', 'yes'],
  ['you bet', 'yes'],
  ['you betcha', 'yes'],
  ['uh huh', 'yes'],
  ['mm hmm', 'yes'],
  ['mhm', 'yes'],
  ['mmhmm', 'yes'],
  ['mm hm', 'yes'],
  ['i think so', 'yes'],
  ['think so', 'yes'],
  ['i believe so', 'yes'],
  ['i guess so', 'yes'],
  ['guess so', 'yes'],
  ['i suppose so', 'yes'],
  ['suppose so', 'yes'],
  ['i reckon so', 'yes'],
  ['reckon so', 'yes'],
  ['i reckon', 'yes'],
  ['i hope so', 'yes'],
  ["i'd say so", 'yes'],
  ['i would say so', 'yes'],
  ["i'd think so", 'yes'],
  ['i should think so', 'yes'],
  ["i'd imagine so", 'yes'],
  ['i expect so', 'yes'],
  ['i believe it is', 'yes'],
  ['seems so', 'yes'],
  ['looks like it', 'yes'],
  ["i'd hope so", 'yes'],
  ['i would have thought so', 'yes'],
  ["i would've thought so", 'yes'],
  ["i'd have thought so", 'yes'],
  ["i wouldn't think so", 'deny'],
  ["wouldn't think so", 'deny'],
  ["i wouldn't have thought so", 'deny'],
  ["i'd say not", 'deny'],
  ['not that i know of', 'deny'],
  ['not as far as i know', 'deny'],
  ['never mind', 'decline'],
  ['forget it', 'decline'],
  ["don't worry", 'decline'],
  ['yes indeed', 'yes'],
  ['yes sir', 'yes'],
  ['well and truly', 'yes'],
  ['a hundred percent', 'yes'],
  ['hundred percent', 'yes'],
  ['one hundred percent', 'yes'],
  ['100%', 'yes'],
  ["i've got one", 'yes'],
  ['i have one', 'yes'],
  ['got one', 'yes'],
  ["that's me", 'yes'],
  ['that is me', 'yes'],
  ["it's me", 'yes'],
  ["that'd be me", 'yes'],
  ['speaking', 'yes'],
  ['not wrong', 'yes'],
  ['you are not wrong', 'yes'],
  ["you're not wrong", 'yes'],
  ['not bad', 'yes'],
  ['not too bad', 'yes'],
  // agreement with what was said
  ["that's right", 'truth'],
  ['that is right', 'truth'],
  ["that's correct", 'truth'],
  ['that is correct', 'truth'],
  ["that's true", 'truth'],
  ["that's it", 'truth'],
  ['that is it', 'truth'],
  ["that's the one", 'truth'],
  ['that one', 'truth'],
  ["that's exactly right", 'truth'],
  ["you've got it", 'truth'],
  ['you got it', 'truth'],
  ['got it in one', 'truth'],
  ['correct', 'truth'],
  ['right', 'truth'],
  ['exactly', 'truth'],
  ['true', 'truth'],
  ['spot on', 'truth'],
  ['bang on', 'truth'],
  ['all correct', 'truth'],
  ['sounds right', 'truth'],
  ['right on', 'truth'],
  ['confirmed', 'truth'],
  ['confirm', 'truth'],
  ['bingo', 'truth'],
  // discourse markers
  ['yeah', 'marker-yes'],
  ['yea', 'marker-yes'],
  ['yeh', 'marker-yes'],
  ['ya', 'marker-yes'],
  ['yah', 'marker-yes'],
  ['yeahs', 'marker-yes'],
  ['nah', 'marker-no'],
  ['naw', 'marker-no'],
  ['na', 'marker-no'],
  ['no', 'marker-no'],
  // plain no
  ['nope', 'deny'],
  ['nup', 'deny'],
  ['nuh', 'deny'],
  ['nuh uh', 'deny'],
  ['uh uh', 'deny'],
  ['negative', 'deny'],
  ['never', 'deny'],
  ['not', 'deny'],
  ['wrong', 'deny'],
  ['incorrect', 'deny'],
  ['not correct', 'deny'],
  ['not right', 'deny'],
  ['not quite', 'deny'],
  ['not quite right', 'deny'],
  ['not really', 'deny'],
  ['not exactly', 'deny'],
  ['not it', 'deny'],
  ['not at all', 'deny'],
  ['not in the slightest', 'deny'],
  ['not one bit', 'deny'],
  ['not yet', 'deny'],
  ['not anymore', 'deny'],
  ['not any more', 'deny'],
  ['no longer', 'deny'],
  ['no more', 'deny'],
  ['not any longer', 'deny'],
  ['not likely', 'deny'],
  ['not a chance', 'deny'],
  ['no chance', 'deny'],
  ['no way', 'deny'],
  ['no way at all', 'deny'],
  ['definitely not', 'deny'],
  ['absolutely not', 'deny'],
  ['certainly not', 'deny'],
  ['of course not', 'deny'],
  ['course not', 'deny'],
  ['hell no', 'deny'],
  ["that's not right", 'deny'],
  ["that's not correct", 'deny'],
  ["that's not it", 'deny'],
  ['that is not right', 'deny'],
  ['that is not correct', 'deny'],
  ["that isn't right", 'deny'],
  ["that isn't correct", 'deny'],
  ["isn't right", 'deny'],
  ["isn't correct", 'deny'],
  ["that's wrong", 'deny'],
  ['that is wrong', 'deny'],
  ["that's incorrect", 'deny'],
  ["you've got it wrong", 'deny'],
  ['you got it wrong', 'deny'],
  ["i don't think so", 'deny'],
  ["don't think so", 'deny'],
  ['i think not', 'deny'],
  ["i don't believe so", 'deny'],
  ['i hope not', 'deny'],
  ['i guess not', 'deny'],
  ['i suppose not', 'deny'],
  ["i'd say no", 'deny'],
  // turning down an offer
  ['no thanks', 'decline'],
  ['no thank you', 'decline'],
  ['no thanks mate', 'decline'],
  ['not for me', 'decline'],
  ['not today', 'decline'],
  ['not now', 'decline'],
  ['not right now', 'decline'],
  ['not at the moment', 'decline'],
  ['not at this stage', 'decline'],
  ['not this time', 'decline'],
  ['maybe not', 'decline'],
  ["i'll pass", 'decline'],
  ["i'll give it a miss", 'decline'],
  ['pass', 'decline'],
  // refusing
  ["please don't", 'refuse'],
  ['please do not', 'refuse'],
  ["don't", 'refuse'],
  ['do not', 'refuse'],
  ["i'd rather not", 'refuse'],
  ['i would rather not', 'refuse'],
  ['rather not', 'refuse'],
  ["i'd prefer not", 'refuse'],
  ["i'd prefer not to", 'refuse'],
  ['i would prefer not', 'refuse'],
  ['prefer not', 'refuse'],
  ["i'd rather you didn't", 'refuse'],
  ["i'd rather you did not", 'refuse'],
  ["i'd prefer you didn't", 'refuse'],
  ["i'd prefer if you didn't", 'refuse'],
  ["i'd rather if you didn't", 'refuse'],
  ['i do mind', 'refuse'],
  ['i would mind', 'refuse'],
  ['yes i do mind', 'refuse'],
  ['i object', 'refuse'],
  ["don't bother", 'refuse'],
  ["don't worry about it", 'refuse'],
  ['no need', 'refuse'],
  ['not necessary', 'refuse'],
  ["that's not necessary", 'refuse'],
  ["don't do that", 'refuse'],
  // consent
  ['go ahead', 'proceed'],
  ['go for it', 'proceed'],
  ['go on', 'proceed'],
  ['go on then', 'proceed'],
  ['yes go on', 'proceed'],
  ['on you go', 'proceed'],
  ['go for your life', 'proceed'],
  ['please do', 'proceed'],
  ['do it', 'proceed'],
  ['feel free', 'proceed'],
  ['be my guest', 'proceed'],
  ['by all means', 'proceed'],
  ['fire away', 'proceed'],
  ['sure', 'proceed'],
  ['sure thing', 'proceed'],
  ['sure can', 'proceed'],
  ['yes please', 'proceed'],
  ['yes please mate', 'proceed'],
  ['please yes', 'proceed'],
  ['why not', 'proceed'],
  ["can't see why not", 'proceed'],
  ["don't see why not", 'proceed'],
  ["i don't see why not", 'proceed'],
  ["i can't see why not", 'proceed'],
  ["can't complain", 'proceed'],
  ["i'd love that", 'proceed'],
  ["i'd love one", 'proceed'],
  ["i'd love to", 'proceed'],
  ['i would love that', 'proceed'],
  ['i would love to', 'proceed'],
  ["i'd like that", 'proceed'],
  ["i'd like one", 'proceed'],
  ["i'd like to", 'proceed'],
  ['i would like that', 'proceed'],
  ['i would like to', 'proceed'],
  ["i'd appreciate that", 'proceed'],
  ["i'd appreciate it", 'proceed'],
  ["i wouldn't mind", 'proceed'],
  ['i would not mind', 'proceed'],
  ["wouldn't mind", 'proceed'],
  ["i wouldn't say no", 'proceed'],
  ["don't mind if i do", 'proceed'],
  ["that'd be great", 'proceed'],
  ["that'd be good", 'proceed'],
  ["that'd be lovely", 'proceed'],
  ["that'd be handy", 'proceed'],
  ["that'd be helpful", 'proceed'],
  ["that'd be nice", 'proceed'],
  ["that'd be perfect", 'proceed'],
  ["that'd be awesome", 'proceed'],
  ["that'd be fine", 'proceed'],
  ['that would be great', 'proceed'],
  ['that would be good', 'proceed'],
  ['that would be lovely', 'proceed'],
  ['that would be handy', 'proceed'],
  ['that would be helpful', 'proceed'],
  ['that would be nice', 'proceed'],
  ['that would be perfect', 'proceed'],
  ['that would be fine', 'proceed'],
  ['sounds good', 'proceed'],
  ['sounds great', 'proceed'],
  ['sounds fine', 'proceed'],
  ['sounds like a plan', 'proceed'],
  ['happy to', 'proceed'],
  ["i'm happy to", 'proceed'],
  ['i am happy to', 'proceed'],
  ['happy with that', 'proceed'],
  ["i'm happy with that", 'proceed'],
  ["i'm fine with that", 'proceed'],
  ["i'm ok with that", 'proceed'],
  ["i'm okay with that", 'proceed'],
  ["i'm good with that", 'proceed'],
  ['fine with that', 'proceed'],
  ['fine with me', 'proceed'],
  ['fine by me', 'proceed'],
  ['ok with me', 'proceed'],
  ['okay with me', 'proceed'],
  ['works for me', 'proceed'],
  ['that works', 'proceed'],
  ['suits me', 'proceed'],
  ['that suits', 'proceed'],
  ['perfect', 'proceed'],
  ['lovely', 'proceed'],
  ['great', 'proceed'],
  ['excellent', 'proceed'],
  ['beautiful', 'proceed'],
  ['you beauty', 'proceed'],
  ['awesome', 'proceed'],
  ['cool', 'proceed'],
  ['good', 'proceed'],
  ['agreed', 'proceed'],
  // acceptance (a polite refusal after a no)
  ["that's fine", 'settled'],
  ['that is fine', 'settled'],
  ["that's ok", 'settled'],
  ["that's okay", 'settled'],
  ["that's alright", 'settled'],
  ["that's all right", 'settled'],
  ["that's all good", 'settled'],
  ["that's no problem", 'settled'],
  ["it's fine", 'settled'],
  ["it's ok", 'settled'],
  ["it's okay", 'settled'],
  ["it's alright", 'settled'],
  ["it's all good", 'settled'],
  ['all good', 'settled'],
  ['all good mate', 'settled'],
  ["you're right", 'settled'],
  ["you're all good", 'settled'],
  ["you're good", 'settled'],
  ["you're right mate", 'settled'],
  ['no worries', 'settled'],
  ['no worries at all', 'settled'],
  ['no dramas', 'settled'],
  ['no drama', 'settled'],
  ['no probs', 'settled'],
  ['no problem', 'settled'],
  ['no problems', 'settled'],
  ['no problem at all', 'settled'],
  ['not a problem', 'settled'],
  ['not a problem at all', 'settled'],
  ['no trouble', 'settled'],
  ['no bother', 'settled'],
  ["she'll be right", 'settled'],
  ['fine', 'settled'],
  ['ok', 'settled'],
  ['okay', 'settled'],
  ['k', 'settled'],
  ['okey dokey', 'settled'],
  ['okie dokie', 'settled'],
  ['alright', 'settled'],
  ['all right', 'settled'],
  ['righto', 'settled'],
  ['right oh', 'settled'],
  ['rightio', 'settled'],
  ['righty o', 'settled'],
  ['sweet', 'settled'],
  ['sweet as', 'settled'],
  ['easy', 'settled'],
  // about the caller
  ["i'm good", 'self-ok'],
  ["i'm fine", 'self-ok'],
  ["i'm right", 'self-ok'],
  ["i'm alright", 'self-ok'],
  ["i'm all right", 'self-ok'],
  ["i'm ok", 'self-ok'],
  ["i'm okay", 'self-ok'],
  ["i'm sweet", 'self-ok'],
  ["i'm all good", 'self-ok'],
  ["i'm happy", 'self-ok'],
  ['i am good', 'self-ok'],
  ['i am fine', 'self-ok'],
  ['i am happy', 'self-ok'],
  ["we're good", 'self-ok'],
  ["we're fine", 'self-ok'],
  ["we're right", 'self-ok'],
  ["we're all good", 'self-ok'],
  ["we're ok", 'self-ok'],
  ["we're happy", 'self-ok'],
  ["i don't mind", 'dont-mind'],
  ['i do not mind', 'dont-mind'],
  ["don't mind", 'dont-mind'],
  ["i don't mind at all", 'dont-mind'],
  ["don't mind at all", 'dont-mind'],
  ["we don't mind", 'dont-mind'],
  // doubt
  ['maybe', 'unclear'],
  ['perhaps', 'unclear'],
  ['possibly', 'unclear'],
  ['possibly not', 'unclear'],
  ['probably', 'unclear'],
  ['probably not', 'unclear'],
  ['might be', 'unclear'],
  ['could be', 'unclear'],
  ['not sure', 'unclear'],
  ['not too sure', 'unclear'],
  ['not really sure', 'unclear'],
  ["i'm not sure", 'unclear'],
  ['im not sure', 'unclear'],
  ['i am not sure', 'unclear'],
  ["i'm not certain", 'unclear'],
  ['not certain', 'unclear'],
  ['unsure', 'unclear'],
  ["i don't know", 'unclear'],
  ["don't know", 'unclear'],
  ['i do not know', 'unclear'],
  ['i dunno', 'unclear'],
  ['dunno', 'unclear'],
  ['no idea', 'unclear'],
  ['i have no idea', 'unclear'],
  ["i've no idea", 'unclear'],
  ["i'm not too sure", 'unclear'],
  ['i guess', 'unclear'],
  ['i suppose', 'unclear'],
  ['kind of', 'unclear'],
  ['sort of', 'unclear'],
  ['kinda', 'unclear'],
  ['sorta', 'unclear'],
  ['depends', 'unclear'],
  ['it depends', 'unclear'],
  ['that depends', 'unclear'],
  ['depending', 'unclear'],
  ['either way', 'unclear'],
  ['whatever', 'unclear'],
  ["i don't care", 'unclear'],
  ["don't care", 'unclear'],
  ["doesn't matter", 'unclear'],
  ["it doesn't matter", 'unclear'],
  ['up to you', 'unclear'],
  ["it's up to you", 'unclear'],
  ['not fussed', 'unclear'],
  ["i'm not fussed", 'unclear'],
  ['let me think', 'unclear'],
  ['let me see', 'unclear'],
  ["i'll think about it", 'unclear'],
  ['i need to think', 'unclear'],
  ["i'll have to check", 'unclear'],
  ['i have to check', 'unclear'],
  ['i need to check', 'unclear'],
  ["i'll check", 'unclear'],
  ['let me check', 'unclear'],
  ['have to check', 'unclear'],
  ['need to check', 'unclear'],
  ["can't remember", 'unclear'],
  ["i can't remember", 'unclear'],
  ["i don't remember", 'unclear'],
  ["don't remember", 'unclear'],
  ['i forget', 'unclear'],
  ['yes and no', 'unclear'],
  ['yeah and no', 'unclear'],
  ['hard to say', 'unclear'],
  ["it's hard to say", 'unclear'],
  ['in a way', 'unclear'],
  ['more or less', 'unclear'],
  ['half and half', 'unclear'],
  // not heard or not understood
  ['what', 'repeat'],
  ['what was that', 'repeat'],
  ["what's that", 'repeat'],
  ['sorry what', 'repeat'],
  ['huh', 'repeat'],
  ['pardon', 'repeat'],
  ['pardon me', 'repeat'],
  ['come again', 'repeat'],
  ['say again', 'repeat'],
  ['say that again', 'repeat'],
  ['repeat that', 'repeat'],
  ['repeat the question', 'repeat'],
  ['can you repeat', 'repeat'],
  ['could you repeat', 'repeat'],
  ['can you say that again', 'repeat'],
  ['say it again', 'repeat'],
  ['repeat it', 'repeat'],
  ['one more time', 'repeat'],
  ['i missed that', 'repeat'],
  ['missed that', 'repeat'],
  ['sorry i missed that', 'repeat'],
  ['say what', 'repeat'],
  ['excuse me', 'repeat'],
  ['could you say that again', 'repeat'],
  ['what was the question', 'repeat'],
  ['what did you say', 'repeat'],
  ['what do you mean', 'repeat'],
  ['what did you ask', 'repeat'],
  ["i didn't catch that", 'repeat'],
  ["didn't catch that", 'repeat'],
  ["i didn't hear", 'repeat'],
  ["didn't hear", 'repeat'],
  ["i can't hear you", 'repeat'],
  ["can't hear you", 'repeat'],
  ["i didn't understand", 'repeat'],
  ["i don't understand", 'repeat'],
  ['hello', 'repeat'],
  ['are you there', 'repeat'],
  ['you there', 'repeat'],
  ['you still there', 'repeat'],
  // change
  ['same', 'unchanged'],
  ['the same', 'unchanged'],
  ['still the same', 'unchanged'],
  ["it's the same", 'unchanged'],
  ['it is the same', 'unchanged'],
  ["it's still the same", 'unchanged'],
  ['same as before', 'unchanged'],
  ['same as last time', 'unchanged'],
  ['same one', 'unchanged'],
  ["nothing's changed", 'unchanged'],
  ['nothing has changed', 'unchanged'],
  ['nothing changed', 'unchanged'],
  ["hasn't changed", 'unchanged'],
  ["it hasn't changed", 'unchanged'],
  ["haven't changed", 'unchanged'],
  ["it's not changed", 'unchanged'],
  ['no change', 'unchanged'],
  ['no changes', 'unchanged'],
  ['unchanged', 'unchanged'],
  ["haven't moved", 'unchanged'],
  ["we haven't moved", 'unchanged'],
  ["i haven't moved", 'unchanged'],
  ['changed', 'changed'],
  ["it's changed", 'changed'],
  ['it has changed', 'changed'],
  ['has changed', 'changed'],
  ["it's different", 'changed'],
  ['different', 'changed'],
  ['different now', 'changed'],
  ['new one', 'changed'],
  ["i've moved", 'changed'],
  ["we've moved", 'changed'],
  ['we moved', 'changed'],
  ['i moved', 'changed'],
  ['moved', 'changed'],
  ['move', 'changed'],
  ['change', 'changed'],
  // corrections
  ['i mean', 'correction'],
  ['i meant', 'correction'],
  ['sorry i mean', 'correction'],
  ['sorry i meant', 'correction'],
  ['actually', 'correction'],
  ['wait', 'correction'],
  ['hang on', 'correction'],
  ['hold on', 'correction'],
  ['or rather', 'correction'],
  ['scratch that', 'correction'],
  ['on second thought', 'correction'],
  ['on second thoughts', 'correction'],
  ['come to think of it', 'correction'],
  ['let me rephrase', 'correction'],
  ['correction', 'correction'],
  ['oops', 'correction'],
  ['sorry', 'correction'],
  // conditions
  ['but', 'hedge'],
  ['only', 'hedge'],
  ['only if', 'hedge'],
  ['unless', 'hedge'],
  ['if', 'hedge'],
  ['as long as', 'hedge'],
  ['so long as', 'hedge'],
  ['provided', 'hedge'],
  ['providing', 'hedge'],
  ['except', 'hedge'],
  ['apart from', 'hedge'],
  ['although', 'hedge'],
  ['though', 'hedge'],
  ['however', 'hedge'],
  ['just not', 'hedge'],
  // polite conditions that change nothing
  ["if that's ok", 'neutral'],
  ["if that's okay", 'neutral'],
  ["if that's alright", 'neutral'],
  ["if that's fine", 'neutral'],
  ['if that works', 'neutral'],
  ['if that helps', 'neutral'],
  ['if you like', 'neutral'],
  ['if you want', 'neutral'],
  ["if you don't mind", 'neutral'],
  ['if you could', 'neutral'],
  ['if you can', 'neutral'],
  ['if possible', 'neutral'],
  ['if you need to', 'neutral'],
  ['please', 'please'],
  // words that change nothing
  ['um', 'neutral'],
  ['umm', 'neutral'],
  ['uh', 'neutral'],
  ['uhh', 'neutral'],
  ['er', 'neutral'],
  ['erm', 'neutral'],
  ['ah', 'neutral'],
  ['ahh', 'neutral'],
  ['oh', 'neutral'],
  ['eh', 'neutral'],
  ['hmm', 'neutral'],
  ['mm', 'neutral'],
  ['mmm', 'neutral'],
  ['well', 'neutral'],
  ['look', 'neutral'],
  ['mate', 'neutral'],
  ['love', 'neutral'],
  ['darl', 'neutral'],
  ['thanks', 'neutral'],
  ['thank you', 'neutral'],
  ['thanks mate', 'neutral'],
  ['thank you very much', 'neutral'],
  ['thanks very much', 'neutral'],
  ['thanks for asking', 'neutral'],
  ['cheers', 'neutral'],
  ['so', 'neutral'],
  ['and', 'neutral'],
  ['just', 'neutral'],
  ['really', 'neutral'],
  ['very', 'neutral'],
  ['much', 'neutral'],
  ['honestly', 'neutral'],
  ['to be honest', 'neutral'],
  ['i think', 'neutral'],
  ["i'd say", 'neutral'],
  ['i would say', 'neutral'],
  ['i said', 'neutral'],
  ["that's", 'neutral'],
  ["it's", 'neutral'],
  ['it', 'neutral'],
  ['i', 'neutral'],
  ['is', 'neutral'],
  ['was', 'neutral'],
  ['still', 'neutral'],
  ['yet', 'neutral'],
  ['again', 'neutral'],
  ['too', 'neutral'],
  ['as well', 'neutral'],
  ['also', 'neutral'],
];

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

interface EchoEntry {
  words: string[];
  kind: 'echo-yes' | 'echo-no';
  aux: string;
  subject: boolean;
}

const ECHOES: readonly EchoEntry[] = (() => {
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

interface LexiconEntry {
  words: string[];
  kind: CueKind;
  aux?: string;
  subject?: boolean;
}

/** Longest phrases first, so that "no worries" is read before "no" and "i don't know" before "i don't". */
const ENTRIES: readonly LexiconEntry[] = [...LEXICON.map(([phrase, kind]) => ({ words: phrase.split(' '), kind })), ...ECHOES].sort(
  (a, b) => b.words.length - a.words.length,
);

const FIRST_WORDS = new Map<string, LexiconEntry[]>();
for (const entry of ENTRIES) {
  const list = FIRST_WORDS.get(entry.words[0]) ?? [];
  list.push(entry);
  FIRST_WORDS.set(entry.words[0], list);
}

/** Normalised words of an answer; hyphens split words ("yeah-nah", "uh-huh", "mm-hmm"). */
export function answerWords(text: string): string[] {
  // Each rewrite only when its character is there (most answers have no hyphen, and few words a quote at an end).
  let normalised = normaliseUtterance(text);
  if (normalised.includes('-')) normalised = normalised.replace(/-/g, ' ');
  if (/\s\s|[^\S ]/.test(normalised)) normalised = normalised.replace(/\s+/g, ' ');
  const words = tokens(normalised.trim());
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith("'") || w.endsWith("'")) words[i] = w.replace(/^'+|'+$/g, '');
  }
  return words;
}

/** Scans an answer into cues; words no phrase covers become "other" cues, one per word. */
export function scanAnswer(text: string): AnswerScan {
  const words = answerWords(text).filter((w) => w.length > 0);
  const cues: Cue[] = [];
  let i = 0;
  while (i < words.length) {
    const entry = match(words, i);
    if (entry === undefined) {
      cues.push({ kind: 'other', start: i, end: i + 1, text: words[i] });
      i++;
      continue;
    }
    const end = i + entry.words.length;
    cues.push({ kind: entry.kind, start: i, end, text: entry.words.join(' '), aux: entry.aux, subject: entry.subject });
    i = end;
  }
  // "that's what I want": a relative "what" is content, not a request to hear the question again.
  for (let k = 1; k < cues.length; k++) {
    if (cues[k].text === 'what' && RELATIVE_BEFORE.has(words[cues[k].start - 1])) cues[k] = { ...cues[k], kind: 'other' };
  }
  // A negated change is no change: "we've not moved", "it didn't change", "not changed".
  for (let k = cues.length - 2; k >= 0; k--) {
    const next = cues[k + 1];
    if ((cues[k].kind === 'echo-no' || cues[k].text === 'not' || cues[k].text === 'never') && next.kind === 'changed') {
      cues.splice(k, 2, { kind: 'unchanged', start: cues[k].start, end: next.end, text: `${cues[k].text} ${next.text}` });
    }
  }
  // "not" before a yes negates it: "not happy with that", "not good", "not ok".
  for (let k = cues.length - 2; k >= 0; k--) {
    const next = cues[k + 1];
    if (cues[k].text === 'not' && NEGATABLE.has(next.kind)) {
      cues.splice(k, 2, { kind: 'deny', start: cues[k].start, end: next.end, text: `not ${next.text}` });
    }
  }
  // An affirmative echo answers only when nothing but other cues follow: "I have" is a yes,
  // "I have a question" is not. A negated one may carry content: "haven't seen it".
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k];
    const next = cues[k + 1];
    const contentFollows = next !== undefined && next.kind === 'other';
    if (cue.kind === 'echo-yes' && contentFollows) cues[k] = { ...cue, kind: 'neutral' };
    if (cue.kind === 'echo-no') cues[k] = { ...cue, followed: contentFollows };
  }
  return { words, cues };
}

const RELATIVE_BEFORE = new Set(["that's", 'is', 'exactly', 'just', "it's", 'was', 'thats']);
/** Question words that, after an answer, start a question back ("yes, how much is it?"). */
const QUESTION_WORDS = new Set(['how', 'when', 'where', 'why', 'who', 'which', "what's", "how's", "when's", "where's", 'whats']);

const NEGATABLE = new Set<CueKind>(['yes', 'truth', 'proceed', 'settled', 'self-ok']);

function match(words: readonly string[], i: number): LexiconEntry | undefined {
  for (const entry of FIRST_WORDS.get(words[i]) ?? []) {
    if (i + entry.words.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < entry.words.length; k++) {
      if (words[i + k] !== entry.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return entry;
  }
  return undefined;
}

/** The sign a cue gives an answer: yes, no, "it depends on the question" ('?'), or none. */
export type Sign = '+' | '-' | '?' | null;

/** Signs of cues when the question is not known: the answer to "is that right?". */
export function confirmationSign(cue: Cue): Sign {
  switch (cue.kind) {
    case 'yes':
    case 'truth':
    case 'marker-yes':
    case 'proceed':
    case 'settled':
    case 'echo-yes':
      return '+';
    case 'marker-no':
    case 'deny':
    case 'decline':
    case 'refuse':
    case 'echo-no':
      return '-';
    case 'self-ok':
    case 'dont-mind':
      return '?';
    default:
      return null;
  }
}

export type Judgement =
  | 'affirm'
  | 'deny'
  /** Doubt: "maybe", "not sure". */
  | 'unclear'
  /** The caller asked to hear the question again. */
  | 'repeat'
  /** The caller answered, then asked something back ("okay, how much is it?"). */
  | 'question'
  /** A yes and a no without a correction between them. */
  | 'conflict'
  /** Only answers whose meaning depends on the question. */
  | 'undecided'
  /** No answer at all. */
  | 'none';

export interface Verdict {
  judgement: Judgement;
  /** A yes that came with a condition ("yes but only on weekdays"). */
  hedged: boolean;
  /** The cues of the part of the answer that decided (after the last correction). */
  cues: Cue[];
  /** Whether "please" was said and nothing else answered (a yes to an offer). */
  pleaseOnly: boolean;
}

const MARKERS = new Set<CueKind>(['marker-yes', 'marker-no']);
/** Plain answers: against a marker of the other sign they contradict it ("no yes", "yeah nope"). */
const PLAIN = new Set(['yes', 'yep', 'yup', 'yess', 'yeap', 'aye', 'affirmative', 'nope', 'nup', 'nuh', 'negative']);
/** Conditions that qualify the answer wherever they stand. */
const CONDITIONALS = new Set([
  'if',
  'only if',
  'only',
  'unless',
  'as long as',
  'so long as',
  'provided',
  'providing',
  'except',
  'apart from',
  'just not',
]);
/** Acceptance that, after a no, is a polite refusal. */
const ACCEPTANCE = new Set<CueKind>(['settled', 'self-ok']);

/**
 * How acceptance after a no is read ("no that's fine", "nah all good"):
 *   decline   a polite refusal: the answer to an offer, or to "is that right?" (the safe side)
 *   accept    the no is "no problem" and the acceptance is the answer: "is it OK if…?"
 *   ask       it cannot be told: a conflict
 */
export type AfterNo = 'decline' | 'accept' | 'ask';

/**
 * Judges scanned cues with the given signs. Self-corrections are applied first:
 * the part after the last correction that gives a new answer decides.
 */
export function judgeAnswer(cues: readonly Cue[], signOf: (cue: Cue) => Sign = confirmationSign, afterNo: AfterNo = 'decline'): Verdict {
  const isPolar = (c: Cue): boolean => {
    const sign = signOf(c);
    return sign === '+' || sign === '-';
  };
  // The last correction followed by a new answer starts the part that counts.
  let from = 0;
  for (let k = 0; k < cues.length; k++) {
    if (cues[k].kind !== 'correction') continue;
    const before = cues.slice(from, k).some((c) => signOf(c) !== null || c.kind === 'unclear');
    if (before && cues.slice(k + 1).some((c) => isPolar(c) && !ACCEPTANCE.has(c.kind))) from = k + 1;
  }
  const part = cues.slice(from);
  const verdict = (judgement: Judgement, hedged = false): Verdict => ({
    judgement,
    hedged,
    cues: part,
    pleaseOnly: judgement === 'none' && part.some((c) => c.kind === 'please') && !part.some((c) => c.kind === 'other'),
  });
  if (part.some((c) => c.kind === 'unclear')) return verdict('unclear');

  // A condition after the answer is not part of it: "yes please, but not too early".
  const firstPolar = part.findIndex(isPolar);
  const cut = part.findIndex((c, k) => c.kind === 'hedge' && firstPolar >= 0 && k > firstPolar);
  const answer = cut < 0 ? part : part.slice(0, cut);
  const condition = cut < 0 ? [] : part.slice(cut + 1);
  const hasContent = (list: readonly Cue[]): boolean => list.some((c) => c.kind === 'other' || isPolar(c));
  // "yes if it's free", "only if …": a conditional anywhere, with something in it.
  const conditional = part.some((c, k) => c.kind === 'hedge' && CONDITIONALS.has(c.text) && hasContent(part.slice(k + 1)));
  const hedged = hasContent(condition) || conditional;

  const signed = answer.map((c) => ({ cue: c, sign: signOf(c) })).filter((x) => x.sign !== null);
  const polar = signed.filter((x) => x.sign !== '?') as Array<{ cue: Cue; sign: '+' | '-' }>;
  if (polar.length === 0) {
    if (part.some((c) => c.kind === 'repeat')) return verdict('repeat');
    // "Sorry?" on its own asks to hear the question again.
    if (signed.length === 0 && part.some((c) => c.text === 'sorry') && part.every((c) => c.kind === 'neutral' || c.text === 'sorry')) {
      return verdict('repeat');
    }
    return verdict(signed.length > 0 ? 'undecided' : 'none');
  }

  // Acceptance after a no: "nah all good", "no that's fine".
  const acceptsAfterNo = (k: number): boolean =>
    ACCEPTANCE.has(polar[k].cue.kind) && polar[k].sign === '+' && polar.slice(0, k).some((p) => p.sign === '-');
  let resolved = polar;
  if (polar.some((_, k) => acceptsAfterNo(k))) {
    if (afterNo === 'ask') return verdict('conflict');
    resolved =
      afterNo === 'decline'
        ? polar.map((x, k) => (acceptsAfterNo(k) ? { ...x, sign: '-' as const } : x))
        : polar.map((x, k) => (x.sign === '-' && polar.some((_, j) => j > k && acceptsAfterNo(j)) ? { ...x, sign: '+' as const } : x));
  }

  const last = resolved[resolved.length - 1];
  // "okay, what was the question?": the answer was only an acknowledgement.
  const after = part.slice(part.indexOf(last.cue) + 1);
  if (after.some((c) => c.kind === 'repeat')) return verdict('repeat');
  // "right, so where was I", "yes, how much is it?": a question back.
  if (after.some((c, k) => c.kind === 'other' && QUESTION_WORDS.has(c.text) && k + 1 < after.length)) return verdict('question');
  const strong = resolved.filter((x) => !MARKERS.has(x.cue.kind));
  const signs = new Set(strong.map((x) => x.sign));
  if (signs.size > 1) return verdict('conflict');
  let sign: '+' | '-';
  if (strong.length === 0) {
    // Only "yeah", "nah", "no": the last one wins.
    sign = last.sign;
  } else {
    const content = strong[0].sign;
    if (last.cue.kind === 'marker-no' && content === '+') return verdict('conflict'); // "yes no"
    // A bare "yes"/"nope" right against a marker of the other sign is a contradiction, not content: "no yes".
    const plainLast = !MARKERS.has(last.cue.kind) && PLAIN.has(last.cue.text);
    if (plainLast && resolved.some((x) => MARKERS.has(x.cue.kind) && x.sign !== content)) return verdict('conflict');
    // Otherwise the content governs: "yeah no that's right", "I'm good yeah", "that's wrong yeah".
    sign = content;
  }
  const judgement = sign === '+' ? 'affirm' : 'deny';
  return verdict(judgement, judgement === 'affirm' && hedged);
}

/** Reads a whole answer when the question is not known (what "is that right?" is answered with). */
export function readAnswer(text: string): Verdict {
  return judgeAnswer(scanAnswer(text).cues);
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
