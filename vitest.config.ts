import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '@itb/domain': fileURLToPath(new URL('./libs/domain/src/index.ts', import.meta.url)),
  '@itb/contracts': fileURLToPath(new URL('./libs/contracts/src/index.ts', import.meta.url)),
};

/** Unit tests of the libraries (node) and the web app (jsdom). The API's tests run under Jest. */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'libs', include: ['libs/*/src/**/*.spec.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.spec.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['apps/web/src/test-setup.ts'],
          // One jsdom and one Mantine import per worker, not per file: 140 s → 30 s on two cores. Each
          // test unmounts (test-setup) and stubs its own fetch, and the suite passes with files shuffled.
          isolate: false,
        },
      },
    ],
  },
});
