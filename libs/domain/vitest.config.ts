import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The domain's unit tests on their own, for Stryker (`npm run test:mutation`); `npm test` runs them from the root config. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
