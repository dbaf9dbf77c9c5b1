import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative asset paths: dist/ runs from any folder of a static server (a course site's
  // /arenagrad/ as well as /). The workers' and chunks' URLs resolve from import.meta.url.
  base: './',
  // test-output holds the browser tests' build and screenshots: not sources to watch.
  server: { host: '127.0.0.1', port: 5173, watch: { ignored: ['**/test-output/**'] } },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
});
