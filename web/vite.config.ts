import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The dev server forwards the API to a running Switchboard (SWITCHBOARD_URL, default :8000), so `npm run dev`
// gives hot reload against real data.
const api = process.env.SWITCHBOARD_URL ?? 'http://localhost:8000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/v2': api } },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1200 },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
