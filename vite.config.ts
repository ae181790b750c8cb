import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built app's Content Security Policy: the preview runs functions from any design a user opens,
 * so nothing in the page or its workers may reach another host or load code from elsewhere. Scripts
 * and workers come from the app itself; 'unsafe-eval' because user functions are compiled with
 * `new Function` (the worker, and the page's syntax check); inline styles because Monaco and React
 * Flow write <style> elements and style attributes. See docs/security.md.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * In the built index.html as a <meta> (whatever serves the files), and as a header from `vite
 * preview`: a worker obeys only the policy delivered with its own script, never the page's <meta>.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'streamwright-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

// Monaco is bundled locally (never a CDN) and loaded lazily; its workers are ES modules.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  // codegen/function-text.ts imports sucrase's parser by its CommonJS path (Node's); in the bundle
  // take the ES module copy that sucrase's transform already brings, not a second parser.
  // avsc (Avro schemas) calls four functions of Node's util: a shim in the bundle (Buffer comes from
  // the buffer package).
  resolve: {
    alias: [
      { find: /^sucrase\/dist\/parser(\/.*)?$/, replacement: 'sucrase/dist/esm/parser$1' },
      { find: /^util$/, replacement: fileURLToPath(new URL('./src/shims/node-util.ts', import.meta.url)) },
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  server: { host: '127.0.0.1' },
  preview: { headers: { 'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'` } },
});
