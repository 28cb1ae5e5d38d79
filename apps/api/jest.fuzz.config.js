import base from './jest.config.js';

/** The fuzz tier (`npm run test:fuzz`): requests generated from the OpenAPI document; see test/fuzz/. */
export default {
  ...base,
  testMatch: ['<rootDir>/test/fuzz/**/*.fuzz-spec.ts'],
  testTimeout: 600_000,
};
