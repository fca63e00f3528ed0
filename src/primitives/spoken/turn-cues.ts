/**
 * What callers say to steer the conversation rather than answer: declining to
 * give a value, asking to wait, asking to hear something again. Pure data; the
 * reader is turn-cue-reader.ts.
 *
 * Phrase patterns: words separated by spaces; a slot `a|b|c` takes any one of
 * its alternatives; `_` joins the words of a multi-word alternative
 * (`i_would`); a slot ending in `?` may be left out; `{name}` stands for the
 * slot of that name in SLOTS. Words are matched after normalisation
 * (lowercase, punctuation dropped) and the spelling fixes in SPELLINGS.
 */

/** Named slots shared by the patterns below. */
export const SLOTS: Readonly<Record<string, string>> = {
  // Things a caller may not have, or not want to give.
  thing:
    'email|e-mail|email_address|e-mail_address|mobile|mobile_number|mobile_phone|phone|phone_number|number|landline|' +
    'landline_number|address|postal_address|home_address|middle_name|surname|last_name|date_of_birth',
  article: 'a|an|my|the|any|one',
  iDontHave:
    "i_don't_have|i_don't_actually_have|i_don't_really_have|i_don't_even_have|i_haven't_got|i_have_not_got|i've_got_no|" +
    "i_have_no|i've_never_had|i_never_had|haven't_got|don't_have|we_don't_have|i_don't_use|i_don't_own|there's_no|there_is_no|" +
    'i_do_not_have',
  iDontWantTo:
    "i_don't_want_to|i_don't_really_want_to|i'd_rather_not|i_would_rather_not|i'd_prefer_not_to|i_would_prefer_not_to|" +
    "i'm_not_going_to|i'm_not_gonna|i_won't|i'm_not_comfortable|i'm_not_comfortable_to|i'm_not_comfortable_giving|" +
    "i_do_not_want_to|rather_not|prefer_not_to|i'd_rather_not_to|not_comfortable|not_comfortable_giving|" +
    "i'm_not_comfortable_with_giving|not_comfortable_with_giving|i'm_not_happy_to|not_happy_to|i_don't_feel_comfortable_giving",
  give: 'give|giving|share|sharing|provide|hand_out|give_out|give_you|share_with_you|tell_you',
  say: 'say|answer|tell|answer_that|say_that|tell_you|answer_the_question|disclose',
  pause: 'sec|secs|second|seconds|moment|minute|min|mo|tick|jiffy|bit|minute_mate|sec_mate|moment_please|second_please',
  letMe: "let_me|lemme|just_let_me|i'll_just|i'll|i_need_to|i_have_to|i've_got_to|i_gotta|let_me_just|gotta|i'm_just_going_to|i'm_gonna",
  look:
    'find|check|grab|get|look|look_for|look_up|check_for|dig_out|dig_up|pull_up|have_a_look|have_a_look_for|find_out|' +
    'double_check|go_and_get|go_get|go_find|grab_my|get_my|find_my|check_my',
};

/**
 * A decline any primitive takes, including yes/no: a refusal to answer at all.
 */
export const REFUSAL_PATTERNS: readonly string[] = [
  '{iDontWantTo} {say} it|that|this|the_question?',
  "i'd_rather_not|i_would_rather_not|i'd_prefer_not_to|i_would_prefer_not_to|prefer_not_to|rather_not say|answer|tell|comment",
  'no_comment|none_of_your_business|not_telling|not_telling_you|i_am_not_telling_you',
  "that's|that_is private|personal",
  "i'd_rather_keep|i_would_rather_keep|i'll_keep that|it private|to_myself",
  "can_we|can_i|could_i|can_you|could_we|let's|we_can|you_can|i'll|i_will|i'm_gonna|i'm_going_to|i'd_rather|i'd_prefer_to|" +
    "i'd_like_to|i_want_to|i'd_rather_just? please? skip|pass|pass_on it|that|this|this_one|that_one|that_question|the_question|on_that|on_this|on_that_one?",
  "can_you|could_you|you_can|let's|we'll|i'll|please? leave|put it|that|this blank|empty|out",
  'skip|pass',
  "can_we|let's|we'll|just move_on|skip_ahead|go_to_the_next_one|go_to_the_next_question",
  'next_question',
];

/**
 * Declines that only make sense where the caller gives a value they may not
 * have or want to share. For a yes/no question they are answers: "Do you have
 * a Medicare card?" "I don't have one" is a no, and "Can we text you?" "I'd
 * rather not" is a no, so capture_yes_no does not read them as declines.
 */
export const VALUE_DECLINE_PATTERNS: readonly string[] = [
  '{iDontHave} {article}? {thing}|one|any',
  '{iDontHave} one_of_those|one_of_them|any_of_those|any_of_them',
  '{iDontHave} {article}? {thing}|one|any at_the_moment|right_now|anymore|any_more|at_all',
  'no|nope|nah {thing}',
  "i_don't|i_never|don't use|do|have email|emails|a_mobile|one",
  '{iDontWantTo} {give}? it|that|this|them|those|my_details|my_personal_details out?',
  '{iDontWantTo} {give} {article}? {thing} out?',
  '{iDontWantTo}',
  "i'd_rather_not|i_would_rather_not|rather_not|i_won't|i'm_not_giving|not_giving give_that|give_it|give_them|that|it|that_one|it_out|that_out",
];

/**
 * Asking to wait: "hang on", "let me find it". The value may follow in the
 * same utterance ("hang on… it's 0412 …"): it is read after the cue.
 */
export const HOLD_PATTERNS: readonly string[] = [
  'hold|hang on|up|about? a|one|just_a? {pause}?',
  'wait on|up a|one|just_a? {pause}?',
  'wait a|one|just_a {pause}',
  'a|just_a {pause} please?',
  'give_me|gimme|give_us|just_give_me|bear_with_me a|one? {pause}?',
  'bear_with_me|hold_the_line|hold_the_phone|let_me_think|let_me_see|let_me_have_a_think|one_moment_please',
  '{letMe} {look} it|that|them|one|my_card|my_phone|my_wallet|my_purse|the_letter|the_card|the_bill|for_it|out|up?',
  "i'm_just|i'm|just? looking|checking|grabbing|getting|finding it|that|for_it|now|one_sec?",
  "i'll_have_to|i_need_to|i'd_need_to|i'll_need_to look|check it_up|that_up|that|it?",
];

/**
 * Asking to wait only when nothing else is said: "one minute past three" is a
 * time and "wait, it's jayne" a self-correction, so these never start a value.
 */
export const HOLD_ALONE_PATTERNS: readonly string[] = ['wait', 'one|one_more {pause} please?'];

/**
 * Asking to hear it again, beyond the yes/no reader's own requests to repeat (its lexicon): "read
 * it back again", "you cut out", and "sorry?" said alone.
 */
export const REPEAT_PATTERNS: readonly string[] = [
  'can_you|could_you|would_you|can_ya|please? read|say|repeat it|that|the_number|the_email|the_address back? again|once_more|one_more_time|please?',
  'can_you|could_you|would_you|please? read_it_back|read_that_back|read_back',
  'you|it|the_line cut|cutting|broke|breaking out|up',
  "i_lost_you|you_dropped_out|you're_breaking_up|didn't_hear_that|didn't_hear_you|i_didn't_hear_you|i_didn't_hear_that",
  'sorry',
];

/** Words that only ever intensify: left out before matching, so "I don't really use email" reads as "I don't use email". */
export const INTENSIFIERS: readonly string[] = ['really', 'actually', 'even', 'honestly', 'just', 'totally', 'literally'];

/** Yes/no markers that sit around a decline or a hold without answering anything ("nah, I'd rather not say"). */
export const ANSWER_MARKERS: readonly string[] = ['yeah', 'yep', 'no', 'nah', 'yeah_nah', 'nah_yeah'];

/** Words that carry no answer of their own around these cues: fillers, politeness, address. */
export const TURN_NEUTRAL_WORDS: readonly string[] = [
  'um',
  'umm',
  'uh',
  'uhh',
  'er',
  'erm',
  'ah',
  'ahh',
  'hmm',
  'mm',
  'eh',
  'oh',
  'look',
  'well',
  'so',
  'ok',
  'okay',
  'sorry',
  'mate',
  'just',
  'please',
  'thanks',
  'thank_you',
  'to_be_honest',
  'oh_sorry',
  'sorry_mate',
  'righto',
  'right',
  'look_mate',
  'um_yeah',
  "i'm_afraid",
  'unfortunately',
  "if_that's_ok",
  "if_that's_okay",
  "if_that's_alright",
  "if_you_don't_mind",
  'for_now',
  'over_the_phone',
  'on_the_phone',
  'at_this_stage',
  'is_that_necessary',
  'is_that_required',
  'do_i_have_to',
  'do_i_need_to',
  'do_you_need_that',
  'do_you_need_it',
];

/**
 * Words that may complete a request to repeat from the yes/no lexicon ("can you
 * repeat" + "that", "read it back again for me").
 */
export const REPEAT_COMPLEMENT_WORDS: readonly string[] = [
  'can',
  'could',
  'you',
  'say',
  'was',
  'number',
  'email',
  'address',
  'name',

  'that',
  'it',
  'again',
  'for',
  'me',
  'the',
  'back',
  'read',
  'please',
  'one',
  'more',
  'time',
  'bit',
  'last',
];

/** Spellings recognisers write for the same word; the patterns use the right-hand ones. */
export const SPELLINGS: Readonly<Record<string, string>> = {
  dont: "don't",
  havent: "haven't",
  wont: "won't",
  im: "i'm",
  ive: "i've",
  lets: "let's",
  thats: "that's",
  theres: "there's",
};

/** What the agent says when the caller asks to wait. */
export const HOLD_ACKNOWLEDGEMENT = 'Sure, take your time.';

/** What the agent says when the caller declines to give the value. */
export const DECLINE_ACKNOWLEDGEMENT = "No problem, we'll leave that one out.";
