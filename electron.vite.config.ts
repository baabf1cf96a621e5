import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { META_CONTENT_SECURITY_POLICY } from './src/main/window/security'

const CHARSET = '<meta charset="UTF-8" />'

/**
 * index.html's CSP meta tag, written from the same directives as the window's header. It goes
 * right after the charset, before any script or style, so it governs all of them; a page
 * without that charset line fails the build rather than ship without its policy.
 */
function cspMeta(): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`
  return {
    name: 'kiosk-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => {
        if (!html.includes(CHARSET)) throw new Error(`index.html lacks ${CHARSET}`)
        return html.replace(CHARSET, `${CHARSET}\n    ${meta}`)
      },
    },
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Heavy jobs' thread: src/main/jobs/start-worker.ts starts out/main/worker.js.
          worker: resolve(__dirname, 'src/main/jobs/worker.ts'),
          // Terima data's file checks: src/main/bundle/check-thread.ts starts out/main/bundle-check.js.
          'bundle-check': resolve(__dirname, 'src/main/bundle/check-worker.ts'),
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
    plugins: [cspMeta(), react()],
  },
})
