import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// WEB_PORT / API_PORT let several stacks (dev, e2e, a second checkout) run side by side.
const webPort = Number(process.env.WEB_PORT || 4200);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT || 3000}`;
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  server: {
    port: webPort,
    strictPort: true,
    host: 'localhost',
    proxy,
  },
  preview: {
    port: webPort,
    strictPort: true,
    host: 'localhost',
    proxy,
  },
  // @cadence/* imports resolve through the tsconfig paths.
  resolve: { tsconfigPaths: true },
  plugins: [react()],
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: false,
    commonjsOptions: {
      transformMixedEsModules: true,
    },
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
}));
