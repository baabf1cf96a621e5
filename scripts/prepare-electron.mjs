#!/usr/bin/env node
// Run by `npm start` before Electron starts. `npm install` never fetches Electron's binary
// (package.json's allowScripts keeps its download off, so installs work offline and in CI),
// so the first start fetches it here. better-sqlite3 in node_modules is built for Node, which
// the tests need; Electron needs a build for its own ABI, so that one is made apart, in
// .electron-native/<electron version>/ by @electron/rebuild, and main loads it from there. Both
// flows coexist. (An installed app carries its own, rebuilt by the installers' beforePack hook.)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const { rebuildForElectron } = require('../build/native-sqlite.cjs')
const root = path.resolve(import.meta.dirname, '..')
const electronDir = path.join(root, 'node_modules', 'electron')
const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'))

function say(text) {
  console.log(`[persiapan Electron] ${text}`)
}

/** A failure the officer can act on: said in Indonesian, with at most one line of detail. */
class PrepareError extends Error {
  constructor(message, detail) {
    super(message)
    this.detail = detail
  }
}

/** The first line of a tool's error output that says what went wrong: never a stack frame. */
function causeOf(output) {
  const lines = String(output ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '))
  return (
    lines.find((l) => /error|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|\b40\d\b/i.test(l)) ?? lines[0]
  )
}

function electronBinaryPresent() {
  try {
    return fs.existsSync(require('electron'))
  } catch {
    return false
  }
}

function ensureElectronBinary() {
  if (electronBinaryPresent()) return
  say(`mengunduh Electron ${version} (sekali saja, sekitar 100 MB)…`)
  const env = { ...process.env }
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  // Its output is kept, not shown: on failure Electron's installer prints an English stack trace.
  const run = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    env,
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  })
  if (run.status !== 0 || !electronBinaryPresent()) {
    throw new PrepareError(
      `Electron ${version} belum terpasang dan gagal diunduh. Kiosk perlu internet satu kali ` +
        'saja untuk mengunduh Electron: sambungkan laptop ke internet, lalu jalankan ' +
        '"npm start" lagi. Setelah itu kiosk berjalan tanpa internet.',
      causeOf(run.stderr || run.stdout || run.error?.message),
    )
  }
}

/**
 * better-sqlite3 for Electron's ABI, made by @electron/rebuild (a prebuilt binary when one is
 * published, else a build from source against Electron's headers, the same helper the
 * installers' beforePack hook uses) on a copy of the module, so node_modules keeps Node's build.
 */
async function ensureNativeSqlite() {
  const target = path.join(root, '.electron-native', version, 'better_sqlite3.node')
  if (fs.existsSync(target)) return
  say(`menyiapkan better-sqlite3 untuk Electron ${version}…`)
  const work = path.join(root, '.electron-native', `build-${version}`)
  const module = path.join(root, 'node_modules', 'better-sqlite3')
  fs.rmSync(work, { recursive: true, force: true })
  fs.mkdirSync(path.join(work, 'node_modules'), { recursive: true })
  fs.writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({
      name: 'electron-native',
      private: true,
      dependencies: { 'better-sqlite3': '*' },
    }),
  )
  fs.cpSync(module, path.join(work, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => path.relative(module, src).split(path.sep)[0] !== 'build',
  })
  const built = await rebuildForElectron({
    projectDir: work,
    electronVersion: version,
    arch: process.arch,
  })
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.copyFileSync(built, target)
  fs.rmSync(work, { recursive: true, force: true })
  say('siap.')
}

try {
  ensureElectronBinary()
  try {
    await ensureNativeSqlite()
  } catch (error) {
    if (error instanceof PrepareError) throw error
    throw new PrepareError(
      `better-sqlite3 untuk Electron ${version} gagal disiapkan. Langkah ini perlu internet ` +
        'satu kali (header Electron) dan alat build (Python dan compiler C++). Periksa keduanya, ' +
        'lalu jalankan "npm start" lagi.',
      causeOf(error.message),
    )
  }
} catch (error) {
  const known = error instanceof PrepareError
  console.error(
    `[persiapan Electron] gagal: ${known ? error.message : 'kesalahan tak terduga saat menyiapkan Electron.'}`,
  )
  const detail = known ? error.detail : causeOf(error?.message)
  if (detail) console.error(`[persiapan Electron] rincian teknis: ${detail}`)
  process.exit(1)
}
