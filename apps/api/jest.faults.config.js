/**
 * The fault tier (`npm run test:faults`): the BUILT API (`node dist/main.js`) as a child process on
 * an embedded PostgreSQL in a fresh /tmp folder, killed and starved of its database on purpose.
 * Also the built dashboard (*.built-spec.ts): apps/web/dist read, and served by the built API.
 * Run `npm run build` first (the npm script does). See test-faults/.
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test-faults/**/*.fault-spec.ts', '<rootDir>/test-faults/**/*.built-spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 150_000,
  maxWorkers: 1,
};
