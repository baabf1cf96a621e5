#!/usr/bin/env node
// `npm run dist`: the installers for this platform (electron-builder.yml), in dist/. Builds the
// bundles, then packs; whatever happens, node_modules keeps the Node build of better-sqlite3 that
// the tests need (the beforePack hook swaps in Electron's while packing). Extra arguments go to
// electron-builder, e.g. `npm run dist -- --dir` for the unpacked app only.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '..')
const { restoreNodeBuild } = require('../build/native-sqlite.cjs')

function run(script, args) {
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], {
    cwd: root,
    stdio: 'inherit',
  })
  return result.status ?? 1
}

let status = run('node_modules/electron-vite/bin/electron-vite.js', ['build'])
if (status === 0) {
  status = run('node_modules/electron-builder/cli.js', [
    '--publish',
    'never',
    ...process.argv.slice(2),
  ])
}
try {
  restoreNodeBuild()
} catch (error) {
  console.error(`[paket] ${error.message}`)
  status ||= 1
}
if (status !== 0) console.error('[paket] gagal: lihat keluaran electron-builder di atas.')
process.exit(status)
