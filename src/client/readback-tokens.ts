/**
 * The read-back tokens the SDK sends back on its own: the last token a response carried, per
 * conversation and objective, attached as `readback_token` to the next confirmation of that
 * objective. So a "yes" this client sends only ever confirms the value this client was given to
 * read back, never one another turn (another caller, a retried request) put there since; the
 * server then reads the current value back again instead. Bounded: the least recently used
 * objectives are forgotten first (a forgotten token only means today's behaviour, no check).
 */
export class ReadbackTokens {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly max = 10_000) {}

  /**
   * Adds the remembered token to a confirmation turn's wire params, unless the caller set one (blank opts out).
   * Keys (`dtmf`) may answer a read-back (1 yes, 2 no) and win over a transcription: a keyed turn always carries it
   * (the server ignores it unless the keys answer the read-back).
   */
  attach(conversationId: string, objectiveType: string, params: Record<string, string>): Record<string, string> {
    if (Object.hasOwn(params, 'readback_token')) return params;
    const spokenConfirmation = Object.hasOwn(params, 'confirmation') && !Object.hasOwn(params, 'transcription');
    if (!spokenConfirmation && !Object.hasOwn(params, 'dtmf')) return params;
    const token = this.tokens.get(key(conversationId, objectiveType));
    return token === undefined ? params : { ...params, readback_token: token };
  }

  /** Keeps the token a response carried (or forgets the objective's, when it carried none). */
  remember(conversationId: string, objectiveType: string, token: string): void {
    const k = key(conversationId, objectiveType);
    this.tokens.delete(k);
    if (token === '') return;
    this.tokens.set(k, token);
    if (this.tokens.size > this.max) this.tokens.delete(this.tokens.keys().next().value as string);
  }

  get size(): number {
    return this.tokens.size;
  }
}

function key(conversationId: string, objectiveType: string): string {
  return `${conversationId}\u0000${objectiveType}`;
}
