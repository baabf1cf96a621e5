// electron-builder's beforePack hook (electron-builder.yml: npmRebuild false): before the app is
// packed for one architecture, better-sqlite3 in node_modules is rebuilt for the Electron being
// packaged, after its Node build is put aside (build/after-pack.cjs puts it back). A failure stops the
// build: an installer with a Node-ABI module would not open its database.
const { Arch } = require('electron-builder')
const { keepNodeBuild, rebuildForElectron } = require('./native-sqlite.cjs')

module.exports = async function beforePack(context) {
  const electronVersion = context.packager.config.electronVersion
  if (!electronVersion) throw new Error('beforePack: versi Electron tidak diketahui.')
  const arch = Arch[context.arch]
  keepNodeBuild()
  const file = await rebuildForElectron({
    projectDir: context.packager.projectDir,
    electronVersion,
    arch,
  })
  console.log(`[paket] better-sqlite3 untuk Electron ${electronVersion} (${arch}): ${file}`)
}
