import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  KEEP,
  applyStagedRestore,
  backupDir,
  createBackup,
  listBackups,
} from '../../src/main/backup/backups'
import { openDatabase } from '../../src/main/db/connection'
import type { KioskContext } from '../../src/main/context'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { tempDb } from '../fixtures/temp-db'
import { NO_DIALOGS } from '../fixtures/no-dialogs'

let ctx: KioskContext
let handlers: Handlers
let cleanup: () => void
let clock = Date.parse('2024-09-30T00:00:00Z')

beforeEach(() => {
  const t = tempDb()
  cleanup = t.cleanup
  ctx = {
    db: t.db,
    dbPath: t.file,
    kioskId: 'K',
    now: () => new Date((clock += 1000)),
    dialogs: NO_DIALOGS,
  }
  handlers = createHandlers(ctx)
})
afterEach(() => cleanup())

const ceremony = {
  name: 'Apel',
  date: '2030-01-01',
  startTime: '07:00',
  lateTime: '07:15',
  place: '',
  timeZone: 'Asia/Jakarta',
  opdIds: null,
  unknownPolicy: 'review',
}
const names = () => ctx.db.prepare('SELECT name FROM ceremony ORDER BY id').pluck().all()

describe('automatic backups', () => {
  it('copies the database when a ceremony becomes the active one', async () => {
    const created = await invoke(handlers, 'ceremony.create', ceremony)
    expect(created).toMatchObject({ ok: true, value: { active: true } })
    const [backup] = listBackups(ctx.dbPath)
    expect(backup).toMatchObject({ reason: expect.stringMatching(/^acara-\d+$/) })
    const copy = openDatabase(path.join(backupDir(ctx.dbPath), backup!.name))
    expect(copy.prepare('SELECT name FROM ceremony').pluck().all()).toEqual(['Apel'])
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
  })

  it(`keeps the last ${KEEP}, newest first`, async () => {
    for (let i = 0; i < KEEP + 3; i++)
      await createBackup(ctx.db, ctx.dbPath, `uji ${i}`, new Date((clock += 1000)))
    const kept = listBackups(ctx.dbPath)
    expect(kept).toHaveLength(KEEP)
    expect(kept[0]!.reason).toBe(`uji-${KEEP + 2}`)
    expect(kept.at(-1)!.reason).toBe('uji-3')
    expect(fs.readdirSync(backupDir(ctx.dbPath)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('restoring a backup', () => {
  it('stages the copy, keeps the state it replaces, and puts it in place at the next start', async () => {
    await invoke(handlers, 'ceremony.create', ceremony)
    const before = listBackups(ctx.dbPath)[0]!
    await invoke(handlers, 'ceremony.create', { ...ceremony, name: 'Apel kedua' })
    expect(await invoke(handlers, 'backup.restore', { name: before.name })).toEqual({
      ok: true,
      value: { restarting: false },
    })
    expect(listBackups(ctx.dbPath)[0]!.reason).toBe('sebelum-pemulihan')
    expect(names()).toEqual(['Apel', 'Apel kedua']) // nothing swapped under the open database

    ctx.db.close()
    expect(applyStagedRestore(ctx.dbPath)).toBe(true)
    ctx.db = openDatabase(ctx.dbPath)
    expect(names()).toEqual(['Apel'])
    expect(applyStagedRestore(ctx.dbPath)).toBe(false)
  })

  it('refuses a name that is not one of the backups', async () => {
    expect(await invoke(handlers, 'backup.restore', { name: '..' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await invoke(handlers, 'backup.restore', { name: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    })
  })
})
