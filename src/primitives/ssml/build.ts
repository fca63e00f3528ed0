/**
 * The SSML builder every prompt shares (response field `prompt_ssml`): the plain prompt,
 * XML-escaped, inside <speak>, with the words that say a value replaced by SSML that says it
 * (a <say-as> the text-to-speech engine reads better than our words).
 */

/** The words a plain prompt says for a value, and the SSML to say instead. */
export interface SsmlPiece {
  text: string;
  ssml: string;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML character data (and attribute values): & < > " ' escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export type InterpretAs = 'telephone' | 'characters' | 'date' | 'digits' | 'cardinal' | 'time';

/** `<say-as interpret-as="…">text</say-as>`, the text escaped. */
export function sayAs(interpretAs: InterpretAs, text: string, format?: string): string {
  const formatAttribute = format === undefined ? '' : ` format="${escapeXml(format)}"`;
  return `<say-as interpret-as="${interpretAs}"${formatAttribute}>${escapeXml(text)}</say-as>`;
}

/** Digits said one by one, in groups with a short pause between: a postcode, a number keyed as digits. */
export function digitGroups(groups: readonly string[]): string {
  return groups
    .filter((g) => g.length > 0)
    .map((g) => sayAs('digits', g))
    .join('<break strength="weak"/>');
}

/**
 * The prompt as SSML: escaped, with the first occurrence of each piece's words (longest first, so
 * a spelled read-back wins over a shorter one inside it) said by its SSML.
 */
export function ssmlPrompt(prompt: string, pieces: readonly SsmlPiece[] = []): string {
  const usable = pieces.filter((p) => p.text.length > 0).sort((a, b) => b.text.length - a.text.length);
  return `<speak>${render(prompt, usable)}</speak>`;
}

function render(text: string, pieces: readonly SsmlPiece[]): string {
  for (const piece of pieces) {
    const at = text.indexOf(piece.text);
    if (at === -1) continue;
    const rest = pieces.filter((p) => p !== piece);
    return render(text.slice(0, at), rest) + piece.ssml + render(text.slice(at + piece.text.length), rest);
  }
  return escapeXml(text);
}
