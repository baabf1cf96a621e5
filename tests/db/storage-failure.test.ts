import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, openKioskDatabase, type Db } from '../../src/main/db/connection'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { demoRoster } from '../../src/main/roster/demo'
import { applyRoster } from '../../src/main/roster/repository'
import { tempDir } from '../fixtures/temp-db'
import { mountTmpfs, tmpfsUnavailable } from '../fixtures/tmpfs'
import { testContext } from '../fixtures/context'
import { addCeremony } from '../fixtures/ceremony'

const cannotMount = tmpfsUnavailable()
if (cannotMount) console.log(`[storage-failure] DILEWATI: ${cannotMount}`)

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function kioskOnTmpfs(
  size: string,
  people: number,
): { db: Db; handlers: Handlers; dir: string; nips: string[] } {
  const dir = tempDir('kiosk-tmpfs-')
  expect(mountTmpfs(dir, size)).toBeNull()
  const db = openDatabase(path.join(dir, 'kiosk.sqlite'))
  cleanups.push(() => {
    if (db.open) db.close()
    execFileSync('umount', [dir])
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const roster = demoRoster(people)
  applyRoster(db, roster, new Date())
  addCeremony(db, { name: 'Uji disk' })
  const handlers = createHandlers(
    testContext({
      db,
      dbPath: dir,
      kioskId: 'DISK',
      now: () => new Date(),
    }),
  )
  return { db, handlers, dir, nips: roster.map((r) => r.nip) }
}

const scan = (handlers: Handlers, nip: string) =>
  invoke(handlers, 'checkin.scan', { payload: nip, source: 'kamera' })
const live = (db: Db, nip: string) =>
  db.prepare('SELECT count(*) FROM checkin WHERE nip = ? AND cancelled_at IS NULL').pluck().get(nip)

describe.skipIf(cannotMount !== null)('the database on a failing disk', () => {
  it('says so when the disk is full, records nothing it did not confirm, and carries on when space returns', async () => {
    const { db, handlers, dir, nips } = kioskOnTmpfs('3m', 600)
    const filler = path.join(dir, 'pengisi')
    try {
      for (;;) fs.appendFileSync(filler, Buffer.alloc(16 * 1024))
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
    }
    const confirmed: string[] = []
    let refused: { nip: string; message: string } | null = null
    for (const nip of nips) {
      const result = await scan(handlers, nip)
      if (!result.ok) {
        refused = { nip, message: result.error.message }
        break
      }
      confirmed.push(nip)
    }
    expect(refused, 'the disk never filled up').not.toBeNull()
    expect(refused!.message).toMatch(
      /Penyimpanan penuh: data tidak tersimpan|Gagal menulis ke penyimpanan/,
    )
    expect(live(db, refused!.nip)).toBe(0)
    for (const nip of confirmed) expect(live(db, nip)).toBe(1)

    fs.rmSync(filler)
    const retry = await scan(handlers, refused!.nip)
    expect(retry).toMatchObject({ ok: true, value: { kind: 'recorded' } })
    expect(live(db, refused!.nip)).toBe(1)
  })

  it('refuses to start on a read-only disk with a clear message, and opens intact once it is writable', async () => {
    const { db, handlers, dir, nips } = kioskOnTmpfs('8m', 50)
    expect(await scan(handlers, nips[0]!)).toMatchObject({ ok: true, value: { kind: 'recorded' } })
    db.close()
    // A write-protected USB stick: the folder is there, nothing can be written.
    execFileSync('mount', ['-o', 'remount,ro', dir])
    const file = path.join(dir, 'kiosk.sqlite')
    expect(() => openKioskDatabase(file)).toThrow(
      /tidak bisa dibuka atau ditulis.*Periksa folder, izin, ruang disk/,
    )
    execFileSync('mount', ['-o', 'remount,rw', dir])
    const reopened = openKioskDatabase(file)
    expect(reopened.movedAside).toBeNull()
    expect(live(reopened.db, nips[0]!)).toBe(1)
    reopened.db.close()
  })
})
