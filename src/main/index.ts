import { app, BrowserWindow, dialog } from 'electron'
import fs from 'node:fs'
import path from 'node:path'
import type { KioskContext } from './context'
import { openDatabase } from './db/connection'
import { createHandlers } from './ipc/handlers'
import { registerHandlers } from './ipc/register'
import { resolveDbPath } from './paths'
import { kioskId } from './settings'
import { appOrigin, createKioskWindow, lockDownSession } from './window/kiosk-window'
import { isAppUrl } from './window/security'

/** better-sqlite3 built for Electron's ABI by scripts/prepare-electron.mjs, beside the Node build tests use. */
function electronNativeBinding(): string | undefined {
  const file = path.join(
    app.getAppPath(),
    '.electron-native',
    process.versions.electron,
    'better_sqlite3.node',
  )
  return fs.existsSync(file) ? file : undefined
}

function start(): void {
  const dbPath = resolveDbPath(process.argv, process.env, app.getPath('userData'))
  let db
  try {
    db = openDatabase(dbPath, { nativeBinding: electronNativeBinding() })
  } catch (error) {
    dialog.showErrorBox('Basis data tidak dapat dibuka', `${dbPath}\n\n${(error as Error).message}`)
    app.exit(1)
    return
  }
  const ctx: KioskContext = {
    db,
    dbPath,
    kioskId: kioskId(db),
    now: () => new Date(),
    dialogs: {
      openRosterFile: async () => {
        const win = BrowserWindow.getFocusedWindow()
        const options = {
          title: 'Pilih berkas data pegawai',
          properties: ['openFile' as const],
          filters: [{ name: 'Data pegawai (Excel atau CSV)', extensions: ['xlsx', 'csv'] }],
        }
        const result = win
          ? await dialog.showOpenDialog(win, options)
          : await dialog.showOpenDialog(options)
        return result.canceled ? null : (result.filePaths[0] ?? null)
      },
      chooseExportFolder: async () => {
        const options = {
          title: 'Pilih folder tujuan ekspor (misalnya flashdisk)',
          properties: ['openDirectory' as const, 'createDirectory' as const],
        }
        const win = BrowserWindow.getFocusedWindow()
        const result = win
          ? await dialog.showOpenDialog(win, options)
          : await dialog.showOpenDialog(options)
        return result.canceled ? null : (result.filePaths[0] ?? null)
      },
    },
  }
  const origin = appOrigin()
  registerHandlers(createHandlers(ctx), (url) => isAppUrl(url, origin))
  lockDownSession()
  createKioskWindow()
  app.on('before-quit', () => db.close())
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})
app.on('window-all-closed', () => app.quit())
void app.whenReady().then(start)
