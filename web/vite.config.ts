import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// React and the router change far less often than our code: their own chunk keeps the browser cache
// warm across releases. The charting library loads only with the pages that draw charts. Ant Design is
// left to the automatic splitting on purpose: one antd chunk would put every component any page uses
// (tables, forms, date pickers…) into the first load; split by use, the first load carries only what
// the layout and the sign-in page need, and each page brings the rest.
const VENDOR_GROUPS: { name: string; test: RegExp; priority: number }[] = [
  { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 30 },
];

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Rolldown's successor to Rollup's manualChunks.
        codeSplitting: { groups: VENDOR_GROUPS },
      },
    },
  },
});
