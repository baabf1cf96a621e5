import { app, BrowserWindow, dialog, safeStorage, screen, type OpenDialogOptions } from 'electron'
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
import { getFlag, KIOSK_MODE_KEY, START_AT_LOGIN_KEY } from './settings'
import { installationId } from './installation'
import { KEY_FILE, loadOrCreateKey, sealedFileStore, type LoadedKey } from './keys/kiosk-key'
import { HUB_TLS_FILE, hubTlsStore } from './hub/tls'
import { stopNetwork } from './ipc/hub'
import { appOrigin } from './window/app-page'
import { registerAppScheme, serveApp } from './window/app-protocol'
import { displaysMirrored } from './window/displays'
import { createKioskWindow, lockDownSession } from './window/kiosk-window'
import { kioskModeFor, loginItemFor, type LaunchFacts } from './window/kiosk-mode'
import { applyLoginItem } from './window/login-item'
import { followPresenterDisplay } from './window/presenter-window'
import { isAppUrl } from './window/security'
import { signAtClose } from './log/signed-head'

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

/** How this run was started: what the lock-down rules (window/kiosk-mode.ts) decide from. */
function launchFacts(): LaunchFacts & { platform: string } {
  return { packaged: app.isPackaged, argv: process.argv, platform: process.platform }
}

/**
 * Opens the gate's window locked down or not, as the officer's setting and this run decide,
 * and keeps start at login in step with the setting (the executable or `--db=` may have moved).
 */
function openLockedDown(db: OpenedDatabase['db']) {
  const launch = launchFacts()
  const kiosk = createKioskWindow({
    kiosk: kioskModeFor({ ...launch, setting: getFlag(db, KIOSK_MODE_KEY) }),
  })
  const startAtLogin = getFlag(db, START_AT_LOGIN_KEY)
  const item = loginItemFor({ ...launch, setting: startAtLogin })
  if (item && startAtLogin !== null) applyLoginItem(item)
  return { kiosk, launch }
}

/** The first path the officer picked in an open dialog over the focused window, or null. */
async function pickPaths(options: OpenDialogOptions): Promise<string[] | null> {
  const win = BrowserWindow.getFocusedWindow()
  const result = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? null : result.filePaths
}

async function pickPath(options: OpenDialogOptions): Promise<string | null> {
  return (await pickPaths(options))?.[0] ?? null
}

/**
 * What seals this installation's secrets: the OS (DPAPI, Keychain, libsecret). Where the OS has
 * no secret store, they are kept unsealed rather than the kiosk refusing to start.
 */
const osSealer = () => (safeStorage.isEncryptionAvailable() ? safeStorage : undefined)

/** The signing key beside installation.json, sealed by the OS. */
function signingKey(): LoadedKey {
  const file = path.join(app.getPath('userData'), KEY_FILE)
  return loadOrCreateKey(sealedFileStore(file, osSealer()))
}

function start(): void {
  const dbPath = resolveDbPath(process.argv, process.env, app.getPath('userData'))
  let opened: OpenedDatabase
  let lock: WriterLock | undefined
  let restored = false
  let kioskId: string
  let key: LoadedKey
  let nativeBinding: string | undefined
  try {
    // The installation's id, kept beside the default database: a copied file keeps no identity.
    kioskId = installationId(app.getPath('userData'))
    key = signingKey()
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
    key: key.key,
    nativeBinding,
    // The hub's TLS key beside the kiosk key, and the gate's credential, sealed the same way.
    network: {
      tlsStore: hubTlsStore(path.join(app.getPath('userData'), HUB_TLS_FILE), osSealer()),
      sealer: osSealer(),
    },
    startupNotice:
      [
        movedAside
          ? `Berkas basis data rusak dan sudah dipindahkan ke ${movedAside} (tidak dihapus). Kiosk memakai berkas baru.`
          : restored
            ? 'Cadangan sudah dipulihkan. Keadaan sebelum pemulihan tersimpan sebagai cadangan "sebelum-pemulihan".'
            : null,
        key.notice,
      ]
        .filter(Boolean)
        .join(' ') || undefined,
    now: () => new Date(),
    events: new EventHub(),
    dialogs: {
      openRosterFile: () =>
        pickPath({
          title: 'Pilih berkas data pegawai',
          properties: ['openFile'],
          filters: [{ name: 'Data pegawai (Excel atau CSV)', extensions: ['xlsx', 'csv'] }],
        }),
      chooseExportFolder: () =>
        pickPath({
          title: 'Pilih folder tujuan ekspor (misalnya flashdisk)',
          properties: ['openDirectory', 'createDirectory'],
        }),
      openVerifyFile: () =>
        pickPath({
          title: 'Pilih berkas ekspor yang akan diperiksa keasliannya',
          properties: ['openFile'],
          filters: [
            { name: 'Berkas ekspor (Excel atau CSV)', extensions: ['xlsx', 'csv'] },
            { name: 'Cadangan basis data kiosk', extensions: ['sqlite'] },
          ],
        }),
      chooseVerifyFolder: () =>
        pickPath({
          title: 'Pilih folder ekspor yang akan diperiksa',
          properties: ['openDirectory'],
        }),
      openBundleFiles: () =>
        pickPaths({
          title: 'Pilih berkas Kirim data dari kiosk OPD (boleh beberapa)',
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Kirim data kiosk', extensions: ['json'] }],
        }),
      openPaketFile: () =>
        pickPath({
          title: 'Pilih berkas paket acara dari BKPSDM',
          properties: ['openFile'],
          filters: [{ name: 'Paket acara', extensions: ['json'] }],
        }),
    },
    presenterShown: () => presenter?.shown() ?? false,
    displaysMirrored: () => displaysMirrored(screen.getAllDisplays()),
    displays: () => ({
      all: screen.getAllDisplays(),
      kioskDisplayId: kioskWindow
        ? screen.getDisplayMatching(kioskWindow.getBounds()).id
        : screen.getPrimaryDisplay().id,
    }),
  }
  const origin = appOrigin()
  serveApp()
  lockDownSession()
  const { kiosk, launch } = openLockedDown(db)
  kioskWindow = kiosk.win
  // Whether a projector shows the reading is part of the reading both windows follow by events.
  let announceReading = (): void => undefined
  presenter = followPresenterDisplay(kiosk.win, () => announceReading())
  // All in one tick: the window's first call cannot arrive before its handler is registered.
  const closeDatabase = () => {
    // Nothing listens or pushes past the database it works on.
    void stopNetwork(ctx)
    if (db.open) {
      // Quitting closes the ceremony the kiosk ran: its head is signed on the way out.
      signAtClose(db, ctx.key, { at: ctx.now(), kioskId: ctx.kioskId })
      db.close()
    }
    lock.release()
  }
  ctx.shell = {
    leaveKiosk: () => kiosk.setKiosk(false),
    setKiosk: kiosk.setKiosk,
    kioskNow: kiosk.kioskNow,
    quit: () => {
      kiosk.allowClose()
      app.quit()
    },
    launch,
    setLoginItem: applyLoginItem,
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

registerAppScheme()
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
