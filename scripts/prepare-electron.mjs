#!/usr/bin/env node
// Run by `npm start` before Electron starts. `npm install` never fetches Electron's binary
// (package.json's allowScripts keeps its download off, so installs work offline and in CI),
// so the first start fetches it here. better-sqlite3 in node_modules is built for Node, which
// the tests need; Electron needs a build for its own ABI, so that one is made apart, in
// .electron-native/<electron version>/, and main loads it from there. Both flows coexist.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '..')
const electronDir = path.join(root, 'node_modules', 'electron')
const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'))

function say(text) {
  console.log(`[persiapan Electron] ${text}`)
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
  say(`mengunduh Electron ${version} (sekali saja)…`)
  const env = { ...process.env }
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  execFileSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: 'inherit',
    env,
    cwd: electronDir,
  })
  if (!electronBinaryPresent())
    throw new Error('Electron tidak terpasang. Periksa koneksi internet lalu jalankan lagi.')
}

function ensureNativeSqlite() {
  const target = path.join(root, '.electron-native', version, 'better_sqlite3.node')
  if (fs.existsSync(target)) return
  say(`menyiapkan better-sqlite3 untuk Electron ${version}…`)
  const work = path.join(root, '.electron-native', `build-${version}`)
  fs.rmSync(work, { recursive: true, force: true })
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  })
  const run = (file, args) =>
    execFileSync(process.execPath, [file, ...args], { stdio: 'inherit', cwd: work })
  try {
    // A prebuilt binary for Electron's ABI when one is published, else a build from source.
    run(require.resolve('prebuild-install/bin.js'), [
      '--runtime=electron',
      `--target=${version}`,
      `--arch=${process.arch}`,
    ])
  } catch {
    const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js')
    run(nodeGyp, [
      'rebuild',
      '--release',
      `--target=${version}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ])
  }
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target)
  fs.rmSync(work, { recursive: true, force: true })
  say('siap.')
}

try {
  ensureElectronBinary()
  ensureNativeSqlite()
} catch (error) {
  console.error(`[persiapan Electron] gagal: ${error.message}`)
  process.exit(1)
}
