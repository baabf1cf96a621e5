import { test as base, expect, type Page } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import type { KioskContext } from '../../src/main/context'
import { openDatabase, type Db } from '../../src/main/db/connection'
import { EventHub } from '../../src/main/events'
import { createHandlers } from '../../src/main/ipc/handlers'
import { stopNetwork } from '../../src/main/ipc/hub'
import { installationId } from '../../src/main/installation'
import { fileKeyStore, loadOrCreateKey } from '../../src/main/keys/kiosk-key'
import { movingClock } from '../fixtures/moving-clock'
import { tempDir } from '../fixtures/temp-db'
import { bridge } from './bridge'
import { serveRenderer } from './static-server'

export interface Kiosk {
  page: Page
  db: Db
  dir: string
  /** The handler table's context: a hub test reaches its network service through it. */
  ctx: KioskContext
  /** The file the next "open file" dialog returns, as if the officer picked it. */
  pickRosterFile(file: string | null): void
  /** The folder the next "choose folder" dialog returns. */
  pickExportFolder(folder: string | null): void
  /** The file or folder the next "periksa keaslian" dialog returns. */
  pickVerifyTarget(target: string | null): void
  /** The "Kirim data" files the next "Terima data" dialog returns. */
  pickBundleFiles(files: string[] | null): void
  /** The file the next "Impor paket acara" dialog returns. */
  pickPaketFile(file: string | null): void
  /** Console errors and page errors seen so far: a test ends with none. */
  errors: string[]
  /** Another window of the app (e.g. the projector's, hash "#presenter") on the same handlers. */
  openWindow(hash: string): Promise<Page>
  /** How many times `page` (every page when absent) has called `channel` so far. */
  calls(channel: string, page?: Page): number
  /** Moves main's monotonic clock forward, firing its timers that fall due (the officer lock's). */
  advanceMonotonic(ms: number): void
}

/**
 * The production renderer bundle in Chromium, its `window.kiosk` wired to the very handler
 * table the app registers with ipcMain, over a real SQLite file in a fresh folder per test.
 * Only the transport differs from the app.
 */
interface KioskFixtures {
  kiosk: Kiosk
  /** As if Electron had a projector window open (`test.use({ presenterShown: true })`). */
  presenterShown: boolean
}

export const test = base.extend<KioskFixtures, { rendererUrl: string }>({
  presenterShown: [false, { option: true }],
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveRenderer(path.resolve(__dirname, '../../out/renderer'))
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' },
  ],
  kiosk: async ({ page, rendererUrl, presenterShown }, use) => {
    const { kiosk, close } = await openKiosk(page, rendererUrl, { presenterShown })
    await use(kiosk)
    expect(kiosk.errors, 'kesalahan di konsol browser').toEqual([])
    await close()
  },
})

/**
 * One kiosk in `page`: a fresh folder and SQLite file, its own installation id and key, the
 * real handler table, and the production bundle wired to it. The fixture makes one; a test of
 * several kiosks (a hub and its gates) makes the others with pages of its own browsers.
 */
export async function openKiosk(
  page: Page,
  rendererUrl: string,
  {
    presenterShown = false,
    pusher,
  }: { presenterShown?: boolean; pusher?: NonNullable<KioskContext['network']>['pusher'] } = {},
): Promise<{ kiosk: Kiosk; ctx: KioskContext; close: () => Promise<void> }> {
  const dir = tempDir('kiosk-e2e-')
  const dbPath = path.join(dir, 'kiosk.sqlite')
  const db = openDatabase(dbPath)
  const rosterFile = nextPick<string>()
  const exportFolder = nextPick<string>()
  const verifyTarget = nextPick<string>()
  const bundleFiles = nextPick<string[]>()
  const paketFile = nextPick<string>()
  const clock = movingClock()
  const ctx: KioskContext = {
    db,
    dbPath,
    kioskId: installationId(dir),
    // The harness's key store: a key file in the test's own folder.
    key: loadOrCreateKey(fileKeyStore(dir)).key,
    now: () => new Date(),
    monotonicMs: clock.monotonicMs,
    afterMs: clock.afterMs,
    events: new EventHub(),
    dialogs: {
      openRosterFile: rosterFile.take,
      chooseExportFolder: exportFolder.take,
      openVerifyFile: verifyTarget.take,
      chooseVerifyFolder: verifyTarget.take,
      openBundleFiles: bundleFiles.take,
      openPaketFile: paketFile.take,
    },
    presenterShown: () => presenterShown,
    // A test's hub is found by its QR or address, never announced on the machine's network.
    network: { mdns: false, pusher },
  }
  const handlers = createHandlers(ctx)
  const errors: string[] = []
  const called: { page: Page; channel: string }[] = []
  const wire = async (p: Page, hash = '') => {
    p.on('pageerror', (e) => errors.push(e.message))
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    const stop = await bridge(p, handlers, ctx.events, (channel) =>
      called.push({ page: p, channel }),
    )
    p.on('close', stop)
    await p.goto(`${rendererUrl}/index.html${hash}`)
    return p
  }
  await wire(page)
  const kiosk: Kiosk = {
    page,
    db,
    dir,
    ctx,
    errors,
    pickRosterFile: rosterFile.set,
    // Like the app's projector window, which never takes focus: the kiosk page keeps it.
    openWindow: async (hash) => {
      const other = await wire(await page.context().newPage(), hash)
      await page.bringToFront()
      return other
    },
    pickExportFolder: exportFolder.set,
    pickVerifyTarget: verifyTarget.set,
    pickBundleFiles: bundleFiles.set,
    pickPaketFile: paketFile.set,
    advanceMonotonic: clock.advance,
    calls: (channel, p) =>
      called.filter((c) => c.channel === channel && (!p || c.page === p)).length,
  }
  const close = async () => {
    // The hub's server and the gate's pusher stop before their database closes.
    await stopNetwork(ctx)
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { kiosk, ctx, close }
}

/**
 * What a test queues for one dialog: the next call returns it and clears it, so a second call
 * without a new pick answers null, as if the officer cancelled.
 */
function nextPick<T>(): { set: (value: T | null) => void; take: () => Promise<T | null> } {
  let next: T | null = null
  return {
    set: (value) => {
      next = value
    },
    take: async () => {
      const value = next
      next = null
      return value
    },
  }
}

export { expect }
