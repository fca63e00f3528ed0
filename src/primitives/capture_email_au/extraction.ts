/** What the email readers make of the caller's words: an address, a choice to ask about, or nothing. */
export type EmailExtraction =
  | { kind: 'value'; value: string }
  | { kind: 'ambiguous'; reason: string; candidates: string[]; ask: AmbiguityAsk }
  | { kind: 'none'; reason: string };

/** What the agent should ask when the caller's words allow several addresses. */
export type AmbiguityAsk =
  | { type: 'provider-domain'; provider: string; domains: string[] }
  | { type: 'which-address' }
  /** A spelling hint ("with a y") that fits more than one place: the spellings are offered. */
  | { type: 'which-spelling' }
  | { type: 'domain-ending'; domain: string }
  /** A repair that rules out a word the address has not got ("not outlook" on a gmail address): which part is meant is asked. */
  | { type: 'which-part'; address: string };
