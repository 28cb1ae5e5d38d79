// Mutation testing of the clinical core (`npm run test:mutation`, not part of `npm test`): Stryker
// changes libs/domain one small bug at a time and reruns only the domain tests that cover it; a mutant
// no test notices is a bug the suite would let through. Surviving mutants are listed with their reason
// in docs/TESTING.md. Incremental: a rerun only tests mutants whose code or covering tests changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'libs/domain/vitest.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'libs/domain/tsconfig.json',
  mutate: ['libs/domain/src/**/*.ts', '!libs/domain/src/**/*.spec.ts', '!libs/domain/src/**/*.cases.ts'],
  // The sandbox needs only the domain and the base tsconfig; node_modules is linked, not copied.
  ignorePatterns: ['/apps', '/e2e', '/bench', '/scripts', '/libs/contracts', '/reports', '/.stryker-cache'],
  coverageAnalysis: 'perTest',
  incremental: true,
  // Outside reports/, which `npm test` empties on every run.
  incrementalFile: '.stryker-cache/incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/domain.html' },
  jsonReporter: { fileName: 'reports/mutation/domain.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  // Two cores shared with the other test tiers: one worker keeps the machine usable.
  concurrency: 1,
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
};
