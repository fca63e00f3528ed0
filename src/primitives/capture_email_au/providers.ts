import { wordTable } from '../spoken/keys';
/**
 * Email providers Australian callers name, and the domains each name can mean.
 * A name with one domain completes a bare "at gmail"; a name with several
 * ("at hotmail": hotmail.com or hotmail.com.au) is ambiguous and must be asked.
 */
export const PROVIDER_DOMAINS: Readonly<Record<string, readonly string[]>> = wordTable({
  gmail: ['gmail.com'],
  googlemail: ['googlemail.com'],
  hotmail: ['hotmail.com', 'hotmail.com.au'],
  outlook: ['outlook.com', 'outlook.com.au'],
  live: ['live.com', 'live.com.au'],
  yahoo: ['yahoo.com', 'yahoo.com.au'],
  ymail: ['ymail.com'],
  icloud: ['icloud.com'],
  me: ['me.com'],
  protonmail: ['protonmail.com'],
  proton: ['proton.me'],
  bigpond: ['bigpond.com', 'bigpond.net.au', 'bigpond.com.au'],
  telstra: ['telstra.com'],
  optusnet: ['optusnet.com.au'],
  iinet: ['iinet.net.au'],
  westnet: ['westnet.com.au'],
  internode: ['internode.on.net'],
  tpg: ['tpg.com.au'],
  dodo: ['dodo.com.au'],
  ozemail: ['ozemail.com.au'],
  aapt: ['aapt.net.au'],
  adam: ['adam.com.au'],
  netspace: ['netspace.net.au'],
  y7mail: ['y7mail.com'],
  iprimus: ['iprimus.com.au'],
  exetel: ['exetel.com.au'],
  msn: ['msn.com'],
  aol: ['aol.com'],
  mac: ['mac.com'],
});

/**
 * How recognisers split or mishear provider names. Keys are space-joined
 * words as heard; values the provider label.
 */
export const PROVIDER_HOMOPHONES: ReadonlyArray<readonly [string, string]> = [
  ['gee mail', 'gmail'],
  ['g mail', 'gmail'],
  ['jee mail', 'gmail'],
  ['gmale', 'gmail'],
  ['g male', 'gmail'],
  ['gee male', 'gmail'],
  ['jimail', 'gmail'],
  ['google mail', 'googlemail'],
  ['hot mail', 'hotmail'],
  ['hot male', 'hotmail'],
  ['out look', 'outlook'],
  ['yahoo', 'yahoo'],
  ['ya hoo', 'yahoo'],
  ['why mail', 'ymail'],
  ['y mail', 'ymail'],
  ['i cloud', 'icloud'],
  ['eye cloud', 'icloud'],
  ['proton mail', 'protonmail'],
  ['big pond', 'bigpond'],
  ['bigpond', 'bigpond'],
  ['optus net', 'optusnet'],
  ['optus dot net', 'optusnet'],
  ['i i net', 'iinet'],
  ['ii net', 'iinet'],
  ['eye eye net', 'iinet'],
  ['i inet', 'iinet'],
  ['west net', 'westnet'],
  ['inter node', 'internode'],
  ['t p g', 'tpg'],
  ['tee pee gee', 'tpg'],
  ['oz email', 'ozemail'],
  ['oz e mail', 'ozemail'],
  ['oz e-mail', 'ozemail'],
  ['a a p t', 'aapt'],
  ['double a p t', 'aapt'],
  ['net space', 'netspace'],
  ['y 7 mail', 'y7mail'],
  ['y seven mail', 'y7mail'],
  ['why seven mail', 'y7mail'],
  ['why 7 mail', 'y7mail'],
  ['y7 mail', 'y7mail'],
  ['i primus', 'iprimus'],
  ['eye primus', 'iprimus'],
  ['m s n', 'msn'],
  ['a o l', 'aol'],
];

/** Second-level Australian zones: "dot com dot au" and friends. */
export const AU_SECOND_LEVEL = new Set(['com', 'net', 'org', 'edu', 'gov', 'asn', 'id', 'csiro', 'info', 'conf', 'oz']);

/** Top-level labels a spoken domain may end with; used to tell a domain from a word. */
export const COMMON_TLDS = new Set([
  'com',
  'net',
  'org',
  'au',
  'edu',
  'gov',
  'io',
  'co',
  'uk',
  'nz',
  'me',
  'info',
  'biz',
  'app',
  'dev',
  'ai',
  'us',
  'ca',
]);
