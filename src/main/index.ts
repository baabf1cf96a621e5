import { app, BrowserWindow, dialog, screen } from 'electron'
import fs from 'node:fs'
import path from 'node:path'
import { applyStagedRestore } from './backup/backups'
import type { KioskContext } from './context'
import { openKioskDatabase, type OpenedDatabase } from './db/connection'
import { createHandlers } from './ipc/handlers'
import { registerHandlers } from './ipc/register'
import { resolveDbPath } from './paths'
import { kioskId } from './settings'
import { appOrigin } from './window/app-page'
import { displaysMirrored } from './window/displays'
import { createKioskWindow, lockDownSession } from './window/kiosk-window'
import { followPresenterDisplay } from './window/presenter-window'
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
  let opened: OpenedDatabase
  let restored = false
  try {
    restored = applyStagedRestore(dbPath)
    opened = openKioskDatabase(dbPath, { nativeBinding: electronNativeBinding() })
  } catch (error) {
    dialog.showErrorBox('Basis data tidak dapat dibuka', `${dbPath}\n\n${(error as Error).message}`)
    app.exit(1)
    return
  }
  const { db, movedAside } = opened
  let presenter: { shown(): boolean } | null = null
  const ctx: KioskContext = {
    db,
    dbPath,
    kioskId: kioskId(db),
    startupNotice: movedAside
      ? `Berkas basis data rusak dan sudah dipindahkan ke ${movedAside} (tidak dihapus). Kiosk memakai berkas baru.`
      : restored
        ? 'Cadangan sudah dipulihkan. Keadaan sebelum pemulihan tersimpan sebagai cadangan "sebelum-pemulihan".'
        : undefined,
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
    presenterShown: () => presenter?.shown() ?? false,
    displaysMirrored: () => displaysMirrored(screen.getAllDisplays()),
  }
  const origin = appOrigin()
  lockDownSession()
  const kiosk = createKioskWindow()
  presenter = followPresenterDisplay(kiosk.win)
  // All in one tick: the window's first call cannot arrive before its handler is registered.
  ctx.shell = {
    leaveKiosk: kiosk.leaveKiosk,
    restart: () => {
      app.relaunch()
      app.exit(0)
    },
  }
  registerHandlers(createHandlers(ctx), (url) => isAppUrl(url, origin))
  app.on('before-quit', () => db.close())
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})
app.on('window-all-closed', () => app.quit())
void app.whenReady().then(start)
