import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // test-output holds the browser tests' build and screenshots: not sources to watch.
  server: { host: '127.0.0.1', port: 5173, watch: { ignored: ['**/test-output/**'] } },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
});
