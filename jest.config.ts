import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // tsconfig sets isolatedModules, so ts-jest only transpiles; `npm test` type-checks with `tsc --noEmit` first.
    '^.+\\.ts$': 'ts-jest',
  },
  testTimeout: 20000,
};

export default config;
