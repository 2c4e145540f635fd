// Jest in native ESM mode (NestJS 12 is ESM-only): see ../shared/STACK-NOTES.md.
// Unit tests sit next to the code (*.spec.ts), service-level tests too (*.service-spec.ts); end-to-end tests live in test/e2e.
const esm = {
  preset: 'ts-jest/presets/default-esm',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^#core/(.*)\\.js$': '<rootDir>/libs/core/src/$1',
    '^#identity/(.*)\\.js$': '<rootDir>/libs/identity/src/$1',
    '^#messaging/(.*)\\.js$': '<rootDir>/libs/messaging/src/$1',
    '^#programme/(.*)\\.js$': '<rootDir>/libs/programme/src/$1',
    '^#registration/(.*)\\.js$': '<rootDir>/libs/registration/src/$1',
    '^#outcomes/(.*)\\.js$': '<rootDir>/libs/outcomes/src/$1',
    '^#agenda/(.*)\\.js$': '<rootDir>/libs/agenda/src/$1',
    '^#demo/(.*)\\.js$': '<rootDir>/libs/demo/src/$1',
    '^#testing/(.*)\\.js$': '<rootDir>/libs/testing/src/$1',
    '^#migrations/(.*)\\.js$': '<rootDir>/migrations/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @fastify/static 10 (serves the Swagger UI) requires content-disposition 3, which is ESM-only;
    // Jest's CommonJS loader cannot require it on Node 20. Under Jest only, the 9.x line stands in.
    '^@fastify/static$': 'fastify-static-cjs',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testEnvironment: 'node',
};

export default {
  maxWorkers: 2,
  testTimeout: 60000,
  projects: [
    { ...esm, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    {
      ...esm,
      displayName: 'service',
      // Between unit and e2e: a domain's repositories and services on real PostgreSQL, without HTTP
      // (libs/testing/src/service-context.ts). Next to the code, as *.service-spec.ts.
      testMatch: ['<rootDir>/libs/**/*.service-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/global-teardown.js',
    },
    {
      ...esm,
      displayName: 'resilience',
      // npm run test:resilience (not part of npm test): faults, hostile input and the authorisation matrix.
      testMatch: ['<rootDir>/test/resilience/**/*.resilience-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/global-teardown.js',
    },
    {
      ...esm,
      displayName: 'browser',
      // npm run test:browser (after the build, which writes dist/console): the console in headless Chromium
      // against the in-process api and a database of its own (test/browser/support/console-browser.ts).
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/global-teardown.js',
    },
    {
      ...esm,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // One migrated template database per run; each test file clones its own from it.
      globalSetup: '<rootDir>/libs/testing/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/global-teardown.js',
    },
  ],
};
