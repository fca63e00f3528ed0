/**
 * The params an objective started with, kept in its session so that later turns read the value
 * the same way. A confirmation turn that sends only `confirmation` must not be re-read against
 * the server's clock, another time zone or no `kind` at all: "yes, tomorrow at three" after a
 * read-back of tomorrow at 3 pm is that same tomorrow, and "no, 1986" repairs a date of birth,
 * not a booking. A param a later turn does send (not blank) wins, as it always has.
 */
export interface KeptParams {
  /** The primitive's own params (reference_time, timezone, tense, kind, question, …) as last given, not blank. */
  params?: Record<string, string>;
  /** The runtime clock (ms) at the objective's first turn: "now" for a reference_time never sent. */
  startedAt?: number;
}

/** Whether a param was sent with a value: a blank one means its default, so it does not replace a kept one. */
const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * The params and clock a turn is read with: the kept ones (a session made before they were
 * kept has none, and reads the turn's own, as it did), overridden by those this turn sends.
 */
export function paramsForTurn(
  own: readonly string[],
  sent: Readonly<Record<string, string>>,
  kept: KeptParams | undefined,
  now: number,
): { params: Readonly<Record<string, string>>; now: number } {
  const keptParams = kept?.params;
  if (keptParams === undefined || Object.keys(keptParams).length === 0) return { params: sent, now: kept?.startedAt ?? now };
  const params: Record<string, string> = { ...sent };
  for (const name of own) if (!given(sent[name]) && given(keptParams[name])) params[name] = keptParams[name];
  return { params, now: kept?.startedAt ?? now };
}

/** What the session keeps of a turn's params: the primitive's own ones given, and the clock the objective started at. */
export function keptParams(own: readonly string[], params: Readonly<Record<string, string>>, now: number): Required<KeptParams> {
  const kept: Record<string, string> = {};
  for (const name of own) if (given(params[name])) kept[name] = params[name];
  return { params: kept, startedAt: now };
}
