import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../fixtures/temp-db'

const root = path.resolve(__dirname, '../..')
const load = createRequire(__filename)
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string
  main: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

interface Target {
  target: string
  arch: string[]
}
interface BuilderConfig {
  appId: string
  productName: string
  version?: string
  extraMetadata?: unknown
  files: string[]
  asarUnpack: string[]
  npmRebuild: boolean
  beforePack: string
  afterPack: string
  win: { icon: string; target: Target[] }
  nsis: Record<string, unknown>
  linux: { icon: string; target: Target[] }
}

/** The file as electron-builder reads it (it parses electron-builder.yml with js-yaml too). */
const config = (load('js-yaml') as { load(text: string): unknown }).load(
  fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig

describe('electron-builder.yml', () => {
  it('names the app and takes its version from package.json', () => {
    expect(config.productName).toBe('Kiosk Apel Netralitas')
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/)
    expect(config.version).toBeUndefined()
    expect(config.extraMetadata).toBeUndefined()
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs')
  })

  it('builds an assisted, per-user NSIS installer for x64 in Indonesian, never the portable target', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      installerLanguages: ['id_ID'],
      language: '1057',
      deleteAppDataOnUninstall: false,
    })
  })

  it('builds an AppImage and a deb for Linux', () => {
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb'])
    for (const t of config.linux.target) expect(t.arch).toEqual(['x64'])
  })

  it('rebuilds better-sqlite3 itself in beforePack and puts the Node build back in afterPack', () => {
    expect(config.npmRebuild).toBe(false)
    for (const hook of [config.beforePack, config.afterPack]) {
      expect(typeof load(path.join(root, hook))).toBe('function')
    }
    expect(fs.readFileSync(path.join(root, config.beforePack), 'utf8')).toContain(
      'rebuildForElectron',
    )
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/build/Release/*.node')
  })

  it('points at icons that exist: a 512 px PNG and an ICO from 16 to 256 px', () => {
    expect(config.linux.icon).toBe('resources/icon.png')
    expect(config.win.icon).toBe('resources/icon.ico')
    expect(pngSize(fs.readFileSync(path.join(root, config.linux.icon)))).toEqual([512, 512])
    const entries = icoEntries(fs.readFileSync(path.join(root, config.win.icon)))
    expect(entries.map((e) => e.size)).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]))
    // Each entry holds a PNG of the size its directory says.
    for (const e of entries) expect(pngSize(e.data)).toEqual([e.size, e.size])
  })
})

/** Width and height from a PNG's IHDR. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(png.toString('ascii', 12, 16)).toBe('IHDR')
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}

/** An ICO's directory: each image's size (0 means 256) and bytes. */
function icoEntries(ico: Buffer): { size: number; data: Buffer }[] {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const e = 6 + 16 * i
    const length = ico.readUInt32LE(e + 8)
    const offset = ico.readUInt32LE(e + 12)
    return { size: ico.readUInt8(e) || 256, data: ico.subarray(offset, offset + length) }
  })
}

interface Packed {
  files: string[]
  unpacked: string[]
}

/**
 * Packs the app with electron-builder and this config for real, as the unpacked folder of this
 * platform ("dir" target). Electron's binary cannot be downloaded here, so a stand-in folder takes
 * its place (on Windows its .exe is not edited: it is no real executable), and the hooks are off:
 * they rebuild better-sqlite3 against Electron's headers, which need the internet. What lands in
 * app.asar is what an installer would carry.
 */
async function packApp(dir: string): Promise<Packed> {
  if (!fs.existsSync(path.join(root, pkg.main))) {
    // By path: electron-vite's package exports do not include its bin.
    const cli = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js')
    execFileSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'ignore' })
  }
  const windows = process.platform === 'win32'
  const stub = path.join(dir, 'electron-stub')
  fs.mkdirSync(path.join(stub, 'resources'), { recursive: true })
  fs.writeFileSync(path.join(stub, windows ? 'electron.exe' : 'electron'), '#!/bin/sh\n', {
    mode: 0o755,
  })
  const builder = load('electron-builder') as typeof import('electron-builder')
  const electronVersion = (load('electron/package.json') as { version: string }).version
  const platform = windows ? builder.Platform.WINDOWS : builder.Platform.LINUX
  await builder.build({
    projectDir: root,
    targets: platform.createTarget('dir', builder.Arch.x64),
    publish: 'never',
    config: {
      electronDist: stub,
      electronVersion,
      beforePack: null,
      afterPack: null,
      directories: { output: path.join(dir, 'dist'), buildResources: 'build' },
      win: { signAndEditExecutable: false },
    },
  })
  const unpackedApp = windows ? 'win-unpacked' : 'linux-unpacked'
  const resources = path.join(dir, 'dist', unpackedApp, 'resources')
  const asar = load('@electron/asar') as { listPackage(file: string): string[] }
  const unpacked = path.join(resources, 'app.asar.unpacked')
  return {
    files: asar.listPackage(path.join(resources, 'app.asar')).map((f) => f.replace(/\\/g, '/')),
    unpacked: fs
      .readdirSync(unpacked, { recursive: true })
      .map((f) => String(f).replace(/\\/g, '/')),
  }
}

/** The packages `npm ls` counts as needed at run time (dependencies and all theirs). */
function productionPackages(): Set<string> {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  })
  return new Set(
    out
      .split(/\r?\n/)
      .filter((line) => line.includes('node_modules'))
      .map((line) => line.replace(/\\/g, '/').split('node_modules/').pop()!),
  )
}

/** Top-level package names in the archive: `/node_modules/<name>` or `/node_modules/@scope/<name>`. */
const packagesIn = (files: string[]) =>
  new Set(
    files
      .map((f) => f.match(/^\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/)?.[1])
      .filter((name): name is string => name !== undefined),
  )

// electron-builder packs a macOS app only on macOS, and the kiosk ships none.
describe.skipIf(process.platform === 'darwin')('the packed app', () => {
  const dir = tempDir('kiosk-pack-')
  let packed: Packed
  beforeAll(async () => {
    packed = await packApp(dir)
  }, 180_000)
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('carries the built bundles, the zxing wasm and package.json', () => {
    for (const f of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/worker.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
    ]) {
      expect(packed.files).toContain(f)
    }
    expect(
      packed.files.some((f) => /^\/out\/renderer\/assets\/zxing_reader-.*\.wasm$/.test(f)),
    ).toBe(true)
  })

  it('carries no source, test, script, build hook or source map', () => {
    const outside = packed.files.filter((f) => !/^\/node_modules(\/|$)/.test(f))
    expect(outside.filter((f) => !/^\/(out(\/|$)|package\.json$)/.test(f))).toEqual([])
    expect(packed.files.filter((f) => f.endsWith('.map'))).toEqual([])
    expect(packed.files.filter((f) => /\/(src|deps)\/.*\.(c|cpp|h|ts)$/.test(f))).toEqual([])
  })

  it('carries no devDependency, only what npm counts as needed at run time', () => {
    const shipped = packagesIn(packed.files)
    const production = productionPackages()
    expect([...shipped].filter((name) => !production.has(name))).toEqual([])
    for (const dev of Object.keys(pkg.devDependencies)) {
      if (!production.has(dev)) expect(shipped.has(dev)).toBe(false)
    }
    expect(shipped.has('better-sqlite3')).toBe(true)
  })

  it('leaves out the renderer-only packages, which main never loads', () => {
    const shipped = packagesIn(packed.files)
    const bare = new Set<string>()
    for (const f of packed.files.filter((f) => /^\/out\/main\/.*\.js$/.test(f))) {
      const code = fs.readFileSync(path.join(root, f), 'utf8')
      for (const [, name] of code.matchAll(/require\("([^"./][^"]*)"\)/g)) {
        const pkgName = name!.startsWith('@')
          ? name!.split('/').slice(0, 2).join('/')
          : name!.split('/')[0]!
        if (!pkgName.startsWith('node:') && pkgName !== 'electron') bare.add(pkgName)
      }
    }
    expect(bare.size).toBeGreaterThan(0)
    expect([...bare].filter((name) => !shipped.has(name))).toEqual([])
    for (const renderer of ['react', 'react-dom', 'html5-qrcode', 'zxing-wasm']) {
      expect(shipped.has(renderer)).toBe(false)
    }
  })

  it('unpacks better-sqlite3 native module from the archive', () => {
    expect(packed.unpacked).toContain(
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    )
    expect(packed.unpacked.filter((f) => f.endsWith('.node'))).toEqual([
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ])
  })
})

describe('the Node build guard of the package hooks', () => {
  const native = load(path.join(root, 'build/native-sqlite.cjs')) as {
    loadsInNode(file: string): boolean
  }
  it('tells a module Node can load from one it cannot', () => {
    const dir = tempDir('kiosk-native-')
    try {
      const nodeBuild = load.resolve('better-sqlite3/build/Release/better_sqlite3.node')
      expect(native.loadsInNode(nodeBuild)).toBe(true)
      const foreign = path.join(dir, 'better_sqlite3.node')
      fs.writeFileSync(foreign, 'not a native module')
      expect(native.loadsInNode(foreign)).toBe(false)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
