/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The build lands where Maven packs it: the jar's static/ (served by the gateway from classpath:/static/), hashed
// assets under static/assets/. Nothing is inlined: no data: URIs, no inline scripts or styles, so a strict CSP holds.
const gateway = process.env.APEXSHARE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: {
    port: 18700,
    strictPort: true,
    // `npm run dev` against a running system: the gateway answers the API and sign-in.
    proxy: Object.fromEntries(['/api', '/oauth2', '/login', '/logout'].map((p) => [p, { target: gateway, changeOrigin: false }])),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    testTimeout: 60_000,
    expect: { poll: { timeout: 15_000 } },
  },
});
