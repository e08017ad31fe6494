// Builds the renderer into out/renderer, loaded by Electron from file:// and served by the loopback web bridge.
// Run from the repository root (npm run build): `root` is resolved against the working directory.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs, so the same build works from file:// (Electron) and http://127.0.0.1 (web bridge).
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // pinyin-pro's dictionary (search by pinyin initials) is most of the bundle; it loads from disk, not the network.
    chunkSizeWarningLimit: 1500,
    // No inline scripts: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
  },
});
