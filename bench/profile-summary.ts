/** Summarises a V8 .cpuprofile: self time by function and by package, for finding the hot path. */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { nodes: Node[]; samples: number[] };
const total = profile.samples.length;
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '');
  const key = `${functionName || '(anonymous)'} ${file}:${lineNumber}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + node.hitCount);
  const pkg =
    url === ''
      ? `(${functionName})`
      : url.startsWith('node:')
        ? 'node:' + url.slice(5).split('/')[0]
        : (/node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
          url
            .replace(/^.*\/main\//, '')
            .split('/')
            .slice(0, 3)
            .join('/'));
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + node.hitCount);
}
const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
console.log('By package:\n' + top(byPackage, 25).join('\n'));
console.log('\nBy function (self):\n' + top(byFunction, Number(process.argv[3] ?? 40)).join('\n'));
