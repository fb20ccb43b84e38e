import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = resolve(import.meta.dirname, 'src/web');

// One page per area so a resident's phone downloads only the resident page and what it shares;
// the desk consoles (Ant Design tables, ECharts) are separate chunks it never loads.
export default defineConfig({
  root: web,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        resident: resolve(web, 'index.html'),
        work: resolve(web, 'work/index.html'),
        admin: resolve(web, 'admin/index.html'),
        screen: resolve(web, 'screen/index.html'),
        // Points and merchants (M7): the merchant's phone page.
        merchant: resolve(web, 'merchant/index.html'),
      },
    },
  },
  // `npm run web:dev`: pages from Vite with hot reload, the API from a running server (LIANXIN_API, default :8080).
  server: { proxy: { '/api': process.env.LIANXIN_API ?? 'http://127.0.0.1:8080', '/grid': process.env.LIANXIN_API ?? 'http://127.0.0.1:8080' } },
});
