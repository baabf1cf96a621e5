import Database from 'better-sqlite3'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openKioskDatabase } from '../../src/main/db/connection'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { testContext } from '../fixtures/context'
import { tempDir } from '../fixtures/temp-db'

/** Made by the previous release's own code (commit 6e6d4df): see make-db.ts beside it. */
const FIXTURE = path.join(__dirname, '../fixtures/previous-release/v8-6e6d4df.sqlite')
const PREVIOUS_VERSION = 8
/** That release's tables; later migrations may add tables and columns, never take these away. */
const TABLES = ['setting', 'opd', 'employee', 'ceremony', 'ceremony_opd', 'checkin', 'absence']

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const sha256 = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/** Each table's rows as the previous release wrote them, by its own columns, in a fixed order. */
function snapshot(db: Database.Database, columnsOf: (table: string) => string[]) {
  return Object.fromEntries(
    TABLES.map((table) => {
      const columns = columnsOf(table)
      const list = columns.map((c) => `"${c}"`).join(', ')
      return [table, db.prepare(`SELECT ${list} FROM ${table} ORDER BY ${list}`).all()]
    }),
  )
}

describe('a database made by the previous release', () => {
  it('opens with today’s code, migrates to the latest version, and keeps every row', async () => {
    const before = sha256(FIXTURE)
    const dir = tempDir('kiosk-upgrade-')
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'kehadiran-apel.sqlite')
    fs.copyFileSync(FIXTURE, file)

    const old = new Database(file, { readonly: true })
    expect(old.pragma('user_version', { simple: true })).toBe(PREVIOUS_VERSION)
    const columns = new Map(
      TABLES.map((t) => [
        t,
        (old.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name),
      ]),
    )
    const columnsOf = (t: string) => columns.get(t)!
    const rows = snapshot(old, columnsOf)
    old.close()
    expect(rows.employee).toHaveLength(6)
    expect(rows.checkin).toHaveLength(6)

    const { db, movedAside } = openKioskDatabase(file)
    cleanups.push(() => db.open && db.close())
    expect(movedAside).toBeNull()
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(PREVIOUS_VERSION)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(snapshot(db as unknown as Database.Database, columnsOf)).toEqual(rows)
    // The committed fixture itself is never the file that was migrated.
    expect(sha256(FIXTURE)).toBe(before)

    // The kiosk shows the same apel as before the update, and keeps recording.
    const clock = { t: Date.parse('2024-09-30T08:05:00+07:00') }
    const handlers = createHandlers(testContext({ db, dbPath: file, now: () => new Date(clock.t) }))
    const call = async (channel: string, input?: unknown) => {
      const result = await invoke(handlers, channel, input)
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value as Record<string, unknown>
    }
    const status = await call('app.status')
    expect(status).toMatchObject({ employees: 6, ceremonies: 1, activeCeremonyId: 1 })
    const { summary } = (await call('attendance.list', { ceremonyId: 1, opdId: null })) as {
      summary: Record<string, unknown>
    }
    expect(summary).toMatchObject({
      expected: 6,
      present: 4,
      onTime: 3,
      late: 1,
      unregistered: 1,
      absent: 1,
      reasons: expect.objectContaining({ SAKIT: 1 }),
    })
    expect(await call('attendance.officer')).toBe('Petugas BKPSDM')
    expect(
      await call('checkin.scan', { payload: '198206042015092003', source: 'kamera' }),
    ).toMatchObject({ kind: 'duplicate', firstAt: '2024-09-30T00:31:00.000Z' })
    // The arrival undone before the update can be recorded again after it.
    expect(
      await call('checkin.scan', { payload: '199003032019031006', source: 'pemindai' }),
    ).toMatchObject({ kind: 'recorded', late: true })
  })
})
