import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Monaco is bundled locally (never a CDN) and loaded lazily; its workers are ES modules.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  server: { host: '127.0.0.1' },
});
