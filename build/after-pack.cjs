// electron-builder's afterPack hook: the app folder now holds Electron's better-sqlite3 (unpacked
// from the asar), so node_modules gets its Node build back for the tests.
const { restoreNodeBuild } = require('./native-sqlite.cjs')

module.exports = async function afterPack() {
  restoreNodeBuild()
}
