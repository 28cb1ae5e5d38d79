import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies beside each asset, made once at build time at the strongest settings; the API
    // serves the one the browser accepts (express-static-gzip) and never compresses a file per request.
    compression({ algorithms: ['gzip', 'brotliCompress'], include: /\.(js|css|svg|html)$/, threshold: 1024 }),
  ],
  resolve: {
    alias: {
      '@itb/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
      '@itb/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
    },
  },
  // The API listens on 127.0.0.1 by default; the proxy keeps the browser's Host, so writes stay same-origin.
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    // No source maps in the production build; the API also answers 404 for any `.map` (serve-dashboard.ts).
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every page runs and what changes least: cached across releases of the app's own code.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 3,
            },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
});
