import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));

// The api serves the built app at /console/ (apps/api/src/mount-console.ts), same origin as /api.
// `npx vite --config apps/console/vite.config.ts` serves it for development, proxying /api to a running api.
export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [
    react(),
    // An installable web app for the door phones (apps/console/README.md, "Door staff"): a manifest, and a service
    // worker that precaches the shell and every built asset, so a reload without network still opens the console
    // (scans wait in IndexedDB, see checkin/scanQueue.ts). vite-plugin-pwa 2 declares vite ^8 among its peers.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      scope: '/console/',
      base: '/console/',
      includeAssets: ['icons/*.png'],
      manifest: {
        name: 'China–SCO conference: check-in',
        short_name: 'SCO check-in',
        description: 'Door check-in of the China–SCO conference (works offline)',
        start_url: '/console/checkin',
        scope: '/console/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#1f5fa8',
        icons: [
          { src: 'icons/checkin-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/checkin-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
        // Every page of the console is the app's index.html (the api answers it for any /console/* path).
        navigateFallback: '/console/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // The main chunk (antd, i18n catalogues) is above workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // The figure that matters is the gzip size of what the sign-in page loads (bench/), not one chunk's raw size.
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
