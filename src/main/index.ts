import { app, BrowserWindow, dialog, screen } from 'electron'
import fs from 'node:fs'
import path from 'node:path'
import { applyStagedRestore } from './backup/backups'
import type { KioskContext } from './context'
import { EventHub } from './events'
import { openKioskDatabase, type OpenedDatabase } from './db/connection'
import { lockDatabaseFile, type WriterLock } from './db/writer-lock'
import { reannounceReading } from './ipc/deliver'
import { createHandlers } from './ipc/handlers'
import { forwardEvents, registerHandlers } from './ipc/register'
import { resolveDbPath } from './paths'
import { installationId } from './installation'
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

let kioskWindow: BrowserWindow | null = null

function start(): void {
  const dbPath = resolveDbPath(process.argv, process.env, app.getPath('userData'))
  let opened: OpenedDatabase
  let lock: WriterLock | undefined
  let restored = false
  let kioskId: string
  let nativeBinding: string | undefined
  try {
    // The installation's id, kept beside the default database: a copied file keeps no identity.
    kioskId = installationId(app.getPath('userData'))
    nativeBinding = electronNativeBinding()
    // Before a staged restore replaces the file: another kiosk may be writing to it.
    lock = lockDatabaseFile(dbPath, { nativeBinding })
    restored = applyStagedRestore(dbPath)
    opened = openKioskDatabase(dbPath, { nativeBinding })
  } catch (error) {
    lock?.release()
    dialog.showErrorBox('Basis data tidak dapat dibuka', `${dbPath}\n\n${(error as Error).message}`)
    app.exit(1)
    return
  }
  const { db, movedAside } = opened
  let presenter: { shown(): boolean } | null = null
  const ctx: KioskContext = {
    db,
    dbPath,
    kioskId,
    nativeBinding,
    startupNotice: movedAside
      ? `Berkas basis data rusak dan sudah dipindahkan ke ${movedAside} (tidak dihapus). Kiosk memakai berkas baru.`
      : restored
        ? 'Cadangan sudah dipulihkan. Keadaan sebelum pemulihan tersimpan sebagai cadangan "sebelum-pemulihan".'
        : undefined,
    now: () => new Date(),
    events: new EventHub(),
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
  kioskWindow = kiosk.win
  // Whether a projector shows the reading is part of the reading both windows follow by events.
  let announceReading = (): void => undefined
  presenter = followPresenterDisplay(kiosk.win, () => announceReading())
  // All in one tick: the window's first call cannot arrive before its handler is registered.
  const closeDatabase = () => {
    if (db.open) db.close()
    lock.release()
  }
  ctx.shell = {
    leaveKiosk: kiosk.leaveKiosk,
    restart: () => {
      // Let go of both locks first, so the relaunched app is not turned away as a second kiosk.
      closeDatabase()
      app.releaseSingleInstanceLock()
      app.relaunch()
      app.exit(0)
    },
  }
  const isAppFrame = (url: string) => isAppUrl(url, origin)
  const handlers = createHandlers(ctx)
  registerHandlers(handlers, isAppFrame)
  announceReading = () => void reannounceReading(handlers, ctx.events)
  forwardEvents(ctx.events, isAppFrame)
  app.on('before-quit', closeDatabase)
}

/** A second start of the app shows the kiosk already running instead of opening the database again. */
function showRunningKiosk(): void {
  if (!kioskWindow || kioskWindow.isDestroyed()) return
  if (kioskWindow.isMinimized()) kioskWindow.restore()
  kioskWindow.show()
  kioskWindow.focus()
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})
app.on('window-all-closed', () => app.quit())
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', showRunningKiosk)
  void app.whenReady().then(start)
} else {
  app.quit()
}
