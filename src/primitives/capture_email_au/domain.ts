import isEmail from 'validator/lib/isEmail';
import { NAMELESS_LABELS, TOP_LEVEL_LABELS, isEndingOnly } from './domain-endings';
import type { EmailExtraction } from './extraction';
import { PROVIDER_DOMAINS } from './providers';

/** Domain completion and validity: a bare provider looked up, an ending replaced, an address checked. */

export function candidatesFor(local: string, domain: string): string[] {
  const finished = finishDomain(local, domain);
  if (finished.kind === 'value') return [finished.value];
  return finished.kind === 'ambiguous' && finished.candidates.length > 0 ? finished.candidates : [`${local}@${domain}`];
}

/** Completes a domain: a bare provider is looked up; an unknown bare word is asked about. */
export function finishDomain(local: string, domain: string): EmailExtraction {
  if (domain.includes('.')) return { kind: 'value', value: `${local}@${domain}` };
  const domains = PROVIDER_DOMAINS[domain];
  if (domains === undefined && TOP_LEVEL_LABELS.has(domain)) return { kind: 'none', reason: 'the address has no domain name' };
  if (domains === undefined) {
    return {
      kind: 'ambiguous',
      reason: `the domain "${domain}" has no ending`,
      candidates: [],
      ask: { type: 'domain-ending', domain },
    };
  }
  if (domains.length === 1) return { kind: 'value', value: `${local}@${domains[0]}` };
  return {
    kind: 'ambiguous',
    reason: `"${domain}" has more than one domain`,
    candidates: domains.map((d) => `${local}@${d}`),
    ask: { type: 'provider-domain', provider: domain, domains: [...domains] },
  };
}

export function finishReplaced(previous: string, domain: string): EmailExtraction {
  const local = previous.split('@')[0];
  return domain.includes('.') ? validated(`${local}@${domain}`) : finishDomain(local, domain);
}

export function replaceDomain(email: string, domain: string): string {
  const local = email.split('@')[0];
  if (domain.includes('.')) return `${local}@${domain}`;
  const domains = PROVIDER_DOMAINS[domain];
  return domains?.length === 1 ? `${local}@${domains[0]}` : `${local}@${domain}`;
}

export function validated(email: string): EmailExtraction {
  return isValidEmail(email) ? { kind: 'value', value: email } : { kind: 'none', reason: 'the corrected address is not valid' };
}

export function isValidEmail(email: string): boolean {
  // The cheap checks first: validator's isEmail costs a few µs.
  return (
    // ASCII only (a homoglyph is not our address), which also keeps lone surrogates from validator's encodeURI.
    /^[\x21-\x7e]+$/.test(email) &&
    !email.includes('..') &&
    // A part before the at that starts or ends with a symbol ("jane_@…") was cut short.
    /^[a-z0-9](?:.*[a-z0-9])?@/.test(email) &&
    !isEndingOnly(email.slice(email.indexOf('@') + 1)) &&
    isEmail(email, EMAIL_OPTIONS)
  );
}

/** Built once; validator fills in its (constant) defaults on the first call and reads it after. */
const EMAIL_OPTIONS = { require_tld: true, allow_utf8_local_part: false, allow_ip_domain: false };

/** jane@hotmail.com with the ending "com.au" → jane@hotmail.com.au: the name labels stay, the ending is replaced. */
export function replaceEnding(email: string, ending: string): string {
  const [local, domain] = email.split('@');
  const labels = domain.split('.');
  return `${local}@${[...labels.slice(0, endingStart(labels)), ending].join('.')}`;
}

/** The ending of an address's domain: its last labels that are never a name (example.com.au → com.au). */
export function endingOf(email: string): string {
  const labels = (email.split('@')[1] ?? '').split('.');
  return labels.slice(endingStart(labels)).join('.');
}

/** Where a domain's ending starts: the first of its last labels that are never a name (the first label always stays). */
function endingStart(labels: readonly string[]): number {
  let cut = labels.length;
  for (let i = labels.length - 1; i > 0 && NAMELESS_LABELS.has(labels[i]); i--) cut = i;
  return cut;
}

export function endsWithKnownTld(domain: string): boolean {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  return TOP_LEVEL_LABELS.has(tld) || tld.length === 2;
}

export function looksLikeDomain(domain: string): boolean {
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => /^[a-z0-9-]+$/.test(l)) && /^[a-z]{2,}$/.test(labels[labels.length - 1]);
}
