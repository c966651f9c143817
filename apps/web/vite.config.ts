import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Libraries that change rarely go to long-cached vendor chunks, apart from the app's own code. */
const vendorGroups: { name: string; test: RegExp }[] = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/ },
  { name: 'vendor-antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@babel[\\/]runtime|dayjs|classnames|clsx|stylis|@emotion|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|toggle-selection|copy-to-clipboard|string-convert|is-mobile)[\\/]/ },
  { name: 'vendor-data', test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/ },
  // Runtime values of the contracts (enums for selectors) bring zod; only lazily loaded pages use them.
  { name: 'contracts', test: /node_modules[\\/](zod|@anlan[\\/]contracts)[\\/]|packages[\\/]contracts[\\/]/ },
];

export default defineConfig({
  plugins: [react()],
  resolve: {
    // @anlan/contracts ships TypeScript source under the "source" condition.
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080' } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // antd's vendor chunk is large before gzip; the budget that matters is < 600 KB gzipped initial JS.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
