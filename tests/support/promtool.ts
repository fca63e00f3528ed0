import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's promtool (package `prometheus`), when installed. */
export const PROMTOOL = ['/usr/bin/promtool', '/usr/local/bin/promtool'].find((p) => existsSync(p));
export const PROMETHEUS = ['/usr/bin/prometheus', '/usr/local/bin/prometheus'].find((p) => existsSync(p));

export function promtool(args: string[], input?: string): { status: number | null; output: string } {
  if (PROMTOOL === undefined) throw new Error('promtool is not installed (apt-get install prometheus)');
  const result = spawnSync(PROMTOOL, args, { input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Says why a Prometheus test is skipped, so that a missing package is not mistaken for a pass. */
export function warnIfMissing(tool: 'promtool' | 'prometheus'): void {
  if ((tool === 'promtool' ? PROMTOOL : PROMETHEUS) === undefined) {
    console.warn(`${tool} is not installed (Debian package "prometheus"): its checks are SKIPPED`);
  }
}
