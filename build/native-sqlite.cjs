// better-sqlite3 has two builds in this project's life: Node's in node_modules, which the tests and
// `npm ci` use, and Electron's, which the app needs. @electron/rebuild makes Electron's (a prebuilt
// binary when one is published, else a build from source against Electron's headers). Shared by
// the package hooks (build/before-pack.cjs, build/after-pack.cjs, scripts/dist.mjs) and by `npm start`
// (scripts/prepare-electron.mjs).
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const MODULE = 'better-sqlite3'
const root = path.resolve(__dirname, '..')
const built = (projectDir) =>
  path.join(projectDir, 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node')
/** Where the Node build waits while node_modules holds Electron's during packaging. */
const kept = path.join(root, '.electron-native', 'node', 'better_sqlite3.node')

/** Builds better-sqlite3 under `projectDir` for `electronVersion` and `arch`, in place. */
async function rebuildForElectron({ projectDir, electronVersion, arch }) {
  const { rebuild } = require('@electron/rebuild')
  await rebuild({
    buildPath: projectDir,
    electronVersion,
    arch,
    force: true,
    onlyModules: [MODULE],
  })
  return built(projectDir)
}

/** Whether the file at `file` loads in this Node (in a child: a loaded .node stays locked on Windows). */
function loadsInNode(file) {
  try {
    execFileSync(
      process.execPath,
      [
        '-e',
        `new (require(${JSON.stringify(path.join(root, 'node_modules', MODULE))}))(':memory:', { nativeBinding: ${JSON.stringify(file)} }).close()`,
      ],
      { stdio: 'ignore', timeout: 30_000 },
    )
    return true
  } catch {
    return false
  }
}

/** Puts node_modules' Node build aside before it is replaced (only a build Node can load). */
function keepNodeBuild() {
  const file = built(root)
  if (!fs.existsSync(file) || !loadsInNode(file)) return
  fs.mkdirSync(path.dirname(kept), { recursive: true })
  fs.copyFileSync(file, kept)
}

/** Puts the Node build back into node_modules; throws, in Indonesian, when it cannot. */
function restoreNodeBuild() {
  const file = built(root)
  if (fs.existsSync(kept)) {
    // A failed rebuild may have cleaned the module's build folder away.
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.copyFileSync(kept, file)
  }
  if (!fs.existsSync(file) || !loadsInNode(file)) {
    throw new Error(
      'better-sqlite3 di node_modules bukan lagi build untuk Node, jadi tes tidak akan berjalan. ' +
        `Jalankan "npm rebuild ${MODULE}" untuk membuatnya kembali.`,
    )
  }
}

module.exports = { rebuildForElectron, keepNodeBuild, restoreNodeBuild, loadsInNode }
