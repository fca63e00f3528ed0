// ESLint: typescript-eslint's recommended rules, no import cycles, and the layers of the house.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';

/** Who may import whom: each zone forbids `target` from importing anything in `from`. */
const layers = [
  {
    target: './src/primitives',
    from: ['./src/runtime', './src/server', './src/client', './src/cli', './generated'],
    message: 'primitives are the pure domain: no runtime, gRPC, server or client code',
  },
  {
    target: './src/runtime',
    from: ['./src/server', './src/client', './src/cli'],
    message: 'the runtime is gRPC-free and shared by the server and the embedded SDK',
  },
  {
    target: './src/primitives/spoken',
    from: ['./src/primitives/objective', './src/primitives/when', './src/primitives/registry.ts', './src/primitives/defaults.ts'],
    message: 'spoken-language readers sit below the state machine and the primitives',
  },
  {
    target: './src/primitives/when',
    from: ['./src/primitives/objective/**', './src/primitives/capture_*/**', './src/primitives/{registry,defaults}.ts'],
    message: 'the date-time engine sits below the state machine and the date and time primitives that use it',
  },
  { target: './src/server', from: ['./src/client'], message: 'the server and the SDK do not import each other' },
  { target: './src/client', from: ['./src/server'], message: 'the server and the SDK do not import each other' },
];

export default tseslint.config(
  { ignores: ['generated/', 'dist/', 'dist-bench/', 'node_modules/', 'bench/results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.d.ts'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      // The primitives' public surface accepts any CaptureSpec; `any` is kept where variance forces it.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/primitives/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['nice-grpc*', '@grpc/*', 'pino', 'ioredis'], message: 'primitives import no gRPC, logging or store code' }],
        },
      ],
    },
  },
  prettier,
);
