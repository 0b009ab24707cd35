import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base: './'` makes dist/ work from any path (a sub-folder, a file server, GitHub Pages).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: true },
});
