import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The api serves the built app at /console/ (apps/api/src/mount-console.ts), same origin as /api.
// `npx vite --config apps/console/vite.config.ts` serves it for development, proxying /api to a running api.
export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // The figure that matters is the gzip size of what the sign-in page loads (bench/), not one chunk's raw size.
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
