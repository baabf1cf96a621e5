import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Heavy jobs' thread: src/main/jobs/start-worker.ts starts out/main/worker.js.
          worker: resolve(__dirname, 'src/main/jobs/worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require() packages: bundle everything into one file.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react()],
  },
})
