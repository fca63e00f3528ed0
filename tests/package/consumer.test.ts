import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/**
 * What a new user does: `npm pack` the package, install the tarball into a
 * fresh TypeScript project, compile against it with strict TypeScript, and
 * run it against a server.
 */
test('the packed tarball installs into a fresh project, compiles strictly and runs', () => {
  const work = mkdtempSync(join(tmpdir(), 'voice-core-consumer-'));
  try {
    execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const project = join(work, 'consumer');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'commonjs',
          moduleResolution: 'node',
          esModuleInterop: true,
          outDir: 'out',
          types: ['node'],
        },
        files: ['main.ts'],
      }),
    );
    copyFileSync(join(__dirname, 'consumer.ts.txt'), join(project, 'main.ts'));
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball!), 'typescript@~5.9', '@types/node@20'],
      {
        cwd: project,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    execFileSync(join(project, 'node_modules/.bin/tsc'), ['-p', project], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = execFileSync(process.execPath, [join(project, 'out/main.js')], { cwd: project, encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(output)).toEqual({
      value: 'jane@gmail.com',
      state: 'completed',
      traceId: 'trace-consumer',
      events: 5,
      code: 'UNKNOWN_PRIMITIVE',
      local: 'confirming',
      health: true,
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 240_000);
