import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, openKioskDatabase } from '../../src/main/db/connection'
import { MIGRATIONS } from '../../src/main/db/migrations'
import type { Migration } from '../../src/main/db/migrations/types'
import { absence } from '../../src/main/db/migrations/0004-absence'
import { card } from '../../src/main/db/migrations/0005-card'
import { checkinClock } from '../../src/main/db/migrations/0006-checkin-clock'
import { signers } from '../../src/main/db/migrations/0007-signers'
import { demoElection } from '../../src/main/db/migrations/0008-demo-election'
import { regionalLeaders } from '../../src/main/db/migrations/0010-regional-leaders'
import { pakta } from '../../src/main/db/migrations/0011-pakta'
import { peerChains } from '../../src/main/db/migrations/0012-peer-chains'
import { logUnindexedId } from '../../src/main/db/migrations/0014-log-unindexed-id'
import { peerCeremonyIndex } from '../../src/main/db/migrations/0016-peer-ceremony-index'
import { mergeLeanIndexes } from '../../src/main/db/migrations/0018-merge-lean-indexes'
import { appendEntry } from '../../src/main/log/append'
import { MERGE_CANCELLED_BY } from '../../src/main/hub/merge'
import { checkin } from '../../src/main/db/migrations/0002-checkin'
import { log } from '../../src/main/db/migrations/0009-log'
import { verifyChain } from '../../src/main/log/chain'
import { rebuildMatches } from '../../src/main/log/rebuild'
import { SCAN_SOURCES } from '../../src/shared/domain'
import { tempDb, tempDir } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function open(migrations = MIGRATIONS) {
  const t = tempDb(migrations)
  cleanups.push(t.cleanup)
  return t
}

describe('database connection', () => {
  it('numbers migrations by their position', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1))
  })

  it('opens durable: WAL, synchronous FULL, foreign keys on', () => {
    const { db } = open()
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
  })

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'new.sqlite')
    const raw = new Database(file)
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    raw.exec('CREATE TABLE future (x)')
    raw.close()
    expect(() => openDatabase(file)).toThrow(/versi aplikasi yang lebih baru/)
    const after = new Database(file)
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1)
    after.close()
  })

  it('rolls a failing migration back whole', () => {
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE x (a); SELECT nope FROM missing;',
      },
    ]
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'k.sqlite')
    openDatabase(file).close()
    expect(() => openDatabase(file, { migrations: broken })).toThrow()
    const db = openDatabase(file)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'x'").pluck().get()).toBe(0)
    db.close()
  })

  it('refuses a step whose version is not its position and changes nothing', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'k.sqlite')
    openDatabase(file, { migrations: MIGRATIONS.slice(0, 2) }).close()
    const misnumbered = [
      ...MIGRATIONS.slice(0, 2),
      { ...MIGRATIONS[2]!, version: 4 },
      ...MIGRATIONS.slice(3),
    ]
    expect(() => openDatabase(file, { migrations: misnumbered })).toThrow(
      `Daftar migrasi aplikasi ini salah susun: langkah ke-3 (${MIGRATIONS[2]!.name}) bernomor 4.`,
    )
    const raw = new Database(file)
    expect(raw.pragma('user_version', { simple: true })).toBe(2)
    raw.close()
  })
})

describe('migration 0001 roster-ceremony', () => {
  it('stores NIP as text with all 18 digits and one row per NIP', () => {
    const { db } = open(MIGRATIONS.slice(0, 1))
    db.prepare("INSERT INTO opd (key, name) VALUES ('dinas pendidikan', 'Dinas Pendidikan')").run()
    const insert = db.prepare(
      "INSERT INTO employee (nip, name, opd_id, jenis, updated_at) VALUES (?, 'A', 1, 'PNS', '2024-01-01')",
    )
    insert.run('197405021993111001')
    expect(db.prepare('SELECT nip, typeof(nip) AS t FROM employee').get()).toEqual({
      nip: '197405021993111001',
      t: 'text',
    })
    expect(() => insert.run('197405021993111001')).toThrow(/UNIQUE/)
    expect(() => insert.run(Number('197405021993111001'))).toThrow(/CHECK constraint|cannot store/)
  })

  it('keeps ceremonies with their expected OPD and rejects unknown policies', () => {
    const { db } = open(MIGRATIONS.slice(0, 1))
    const base =
      "INSERT INTO ceremony (name, date, start_time, late_time, starts_at, late_at, time_zone, all_opd, unknown_policy, created_at) VALUES ('A', '2024-09-30', '07:30', '07:45', 'x', 'y', 'Asia/Jakarta', 1, ?, 'now')"
    db.prepare(base).run('review')
    expect(() => db.prepare(base).run('maybe')).toThrow(/CHECK/)
    expect(() =>
      db.prepare('INSERT INTO ceremony_opd (ceremony_id, opd_id) VALUES (1, 99)').run(),
    ).toThrow(/FOREIGN KEY/)
  })
})

describe('migration 0002 checkin', () => {
  it('admits exactly the scan sources the contract defines (the shipped SQL cannot import them)', () => {
    const listed = /source IN \(([^)]*)\)/.exec(checkin.sql)?.[1]
    expect(listed?.split(', ').map((s) => s.replace(/'/g, ''))).toEqual([...SCAN_SOURCES])
  })

  it('allows one live record per NIP per ceremony, and keeps cancelled ones beside it', () => {
    const { db } = open(MIGRATIONS.slice(0, 2))
    db.prepare(
      "INSERT INTO ceremony (name, date, start_time, late_time, starts_at, late_at, time_zone, all_opd, unknown_policy, created_at) VALUES ('A', '2024-09-30', '07:30', '07:45', 'x', 'y', 'Asia/Jakarta', 1, 'review', 'now')",
    ).run()
    const insert = db.prepare(
      "INSERT INTO checkin (ceremony_id, nip, scanned_at, late, source, kiosk_id) VALUES (1, '197405021993111001', ?, 0, 'kamera', 'K1')",
    )
    insert.run('2024-09-30T00:00:00Z')
    expect(() => insert.run('2024-09-30T00:01:00Z')).toThrow(/UNIQUE/)
    db.prepare(
      "UPDATE checkin SET cancelled_at = 'now', cancel_reason = 'salah orang' WHERE id = 1",
    ).run()
    insert.run('2024-09-30T00:02:00Z')
    expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(2)
    expect(() => db.prepare("UPDATE checkin SET cancelled_at = 'now' WHERE id = 2").run()).toThrow(
      /CHECK/,
    )
    expect(() =>
      db
        .prepare(
          "INSERT INTO checkin (ceremony_id, nip, scanned_at, late, source, kiosk_id) VALUES (1, 'x', 'now', 0, 'telepati', 'K1')",
        )
        .run(),
    ).toThrow(/CHECK/)
  })
})

describe('a damaged or unreachable database', () => {
  it('moves a corrupt file aside, never overwriting it, and starts afresh', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'kiosk.sqlite')
    const garbage = Buffer.from('SQLite format 3\0 but not really; a pulled USB stick wrote this')
    fs.writeFileSync(file, garbage)
    const { db, movedAside } = openKioskDatabase(file)
    expect(movedAside).toMatch(/kiosk\.sqlite\.rusak-/)
    expect(fs.readFileSync(movedAside!)).toEqual(garbage)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    db.close()
  })

  it('says in Indonesian where it could not open, and moves nothing', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const blocker = path.join(dir, 'bukan-folder')
    fs.writeFileSync(blocker, 'x')
    expect(() => openKioskDatabase(path.join(blocker, 'kiosk.sqlite'))).toThrow(
      /Basis data .*bukan-folder\/kiosk\.sqlite tidak bisa dibuka atau ditulis/,
    )
    expect(fs.readdirSync(dir)).toEqual(['bukan-folder'])
  })

  it('refuses a newer database through the app path too, without moving it aside', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'kiosk.sqlite')
    const raw = new Database(file)
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`)
    raw.close()
    expect(() => openKioskDatabase(file)).toThrow(/versi aplikasi yang lebih baru/)
    expect(fs.readdirSync(dir)).toEqual(['kiosk.sqlite'])
  })
})

describe('migration 0003 ikrar', () => {
  it('keeps one ikrar copy per ceremony with a JSON point list, and readings with their text', () => {
    const { db } = open(MIGRATIONS.slice(0, 3))
    db.prepare(
      "INSERT INTO ceremony (name, date, start_time, late_time, starts_at, late_at, time_zone, all_opd, unknown_policy, created_at) VALUES ('A', '2024-09-30', '07:30', '07:45', 'x', 'y', 'Asia/Jakarta', 1, 'review', 'now')",
    ).run()
    const copy = db.prepare(
      "INSERT INTO ceremony_ikrar (ceremony_id, template_id, heading, opening, points, updated_at) VALUES (?, 'pilkada-2020', 'H', 'O', ?, 'now')",
    )
    copy.run(1, '["Satu.","Dua."]')
    expect(() => copy.run(1, '["Lagi."]')).toThrow(/UNIQUE|PRIMARY KEY/)
    db.prepare('DELETE FROM ceremony_ikrar').run()
    expect(() => copy.run(1, '[]')).toThrow(/CHECK/)
    expect(() => copy.run(1, '"Satu."')).toThrow(/CHECK/)
    expect(() => copy.run(1, 'bukan json')).toThrow(/CHECK/)
    expect(() => copy.run(99, '["Satu."]')).toThrow(/FOREIGN KEY/)

    const reading = db.prepare(
      "INSERT INTO ikrar_reading (ceremony_id, started_at, ended_at, text, kiosk_id) VALUES (1, '2024-09-30T00:35:00.000Z', ?, '{}', 'K1')",
    )
    reading.run(null)
    reading.run('2024-09-30T00:37:00.000Z')
    expect(() => reading.run('2024-09-30T00:30:00.000Z')).toThrow(/CHECK/)
    expect(db.prepare('SELECT count(*) FROM ikrar_reading').pluck().get()).toBe(2)
  })
})

describe('migration 0004 absence', () => {
  it('keeps one reason per person per ceremony, only known reasons, and a history beside it', () => {
    // Up to and including this step, whatever its number ends up being.
    const { db } = open(MIGRATIONS.slice(0, absence.version))
    db.prepare("INSERT INTO opd (key, name) VALUES ('inspektorat', 'Inspektorat')").run()
    db.prepare(
      "INSERT INTO employee (nip, name, opd_id, jenis, updated_at) VALUES ('197405021993111001', 'A', 1, 'PNS', 'now')",
    ).run()
    db.prepare(
      "INSERT INTO ceremony (name, date, start_time, late_time, starts_at, late_at, time_zone, all_opd, unknown_policy, created_at) VALUES ('A', '2024-09-30', '07:30', '07:45', 'x', 'y', 'Asia/Jakarta', 1, 'review', 'now')",
    ).run()
    const insert = db.prepare(
      "INSERT INTO absence (ceremony_id, employee_id, reason, set_by, set_at) VALUES (1, 1, ?, 'Ani', 'now')",
    )
    insert.run('SAKIT')
    expect(() => insert.run('IZIN')).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO absence (ceremony_id, employee_id, reason, set_by, set_at) VALUES (1, 1, 'BOLOS', 'Ani', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO absence_history (ceremony_id, employee_id, changed_by, changed_at) VALUES (1, 99, 'Ani', 'now')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/)
  })
})

describe('migration 0005 card', () => {
  it('adds an empty card date to employees already on the roster, and keeps one once set', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'k.sqlite')
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, card.version - 1) })
    before.prepare("INSERT INTO opd (key, name) VALUES ('inspektorat', 'Inspektorat')").run()
    before
      .prepare(
        "INSERT INTO employee (nip, name, opd_id, jenis, updated_at) VALUES ('197405021993111001', 'A', 1, 'PNS', 'now')",
      )
      .run()
    before.close()
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, card.version) })
    cleanups.push(() => db.close())
    expect(db.prepare('SELECT card_printed_at FROM employee').pluck().get()).toBeNull()
    db.prepare("UPDATE employee SET card_printed_at = '2024-09-30T00:00:00.000Z'").run()
    expect(db.prepare('SELECT card_printed_at FROM employee').pluck().get()).toBe(
      '2024-09-30T00:00:00.000Z',
    )
  })
})

describe('migration 0006 checkin-clock', () => {
  it('numbers arrivals already recorded per kiosk in row order, unflagged, and keeps each number once', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'k.sqlite')
    const position = MIGRATIONS.indexOf(checkinClock)
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, position) })
    before.exec(`
      INSERT INTO ceremony (name, date, start_time, late_time, starts_at, late_at, place, time_zone, all_opd, unknown_policy, created_at)
      VALUES ('Apel', '2024-09-30', '07:30', '07:45', 'x', 'y', '', 'Asia/Jakarta', 1, 'review', 'now');
    `)
    const insert = before.prepare(
      "INSERT INTO checkin (ceremony_id, nip, scanned_at, late, source, kiosk_id) VALUES (1, ?, ?, 0, 'kamera', ?)",
    )
    insert.run('197405021993111001', '2024-09-30T00:35:00.000Z', 'A')
    insert.run('198001152005012002', '2024-09-30T00:30:00.000Z', 'B')
    insert.run('199009132025242014', '2024-09-30T00:20:00.000Z', 'A')
    before.close()
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, position + 1) })
    cleanups.push(() => db.close())
    expect(db.prepare('SELECT kiosk_id, seq, clock_back FROM checkin ORDER BY id').all()).toEqual([
      { kiosk_id: 'A', seq: 1, clock_back: 0 },
      { kiosk_id: 'B', seq: 1, clock_back: 0 },
      { kiosk_id: 'A', seq: 2, clock_back: 0 },
    ])
    expect(() =>
      db
        .prepare(
          "INSERT INTO checkin (ceremony_id, nip, scanned_at, late, source, kiosk_id, seq) VALUES (1, '196512311990031005', 'z', 0, 'kamera', 'A', 2)",
        )
        .run(),
    ).toThrow(/UNIQUE/)
    expect(() => db.prepare('UPDATE checkin SET clock_back = 2').run()).toThrow(/CHECK/)
  })
})

describe('migration 0007 signers', () => {
  it('adds signers to an existing roster: one per OPD, one for the recap, gone with the OPD', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'k.sqlite')
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, signers.version - 1) })
    before.prepare("INSERT INTO opd (key, name) VALUES ('kecamatan kota', 'Kecamatan Kota')").run()
    before.close()
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, signers.version) })
    cleanups.push(() => db.close())
    const add = db.prepare(
      "INSERT INTO signer (opd_id, title, name, nip, updated_at) VALUES (?, ?, ?, ?, 'now')",
    )
    add.run(1, 'Plt. Camat Kota', 'Drs. Ahmad', '197405021993111001')
    expect(() => add.run(1, 'Camat Kota', '', '')).toThrow(/UNIQUE/)
    add.run(null, 'Kepala BKPSDM', '', '')
    expect(() => add.run(null, 'Kepala BKD', '', '')).toThrow(/UNIQUE/)
    expect(() => add.run(99, 'Kepala', '', '')).toThrow(/FOREIGN KEY/)
    expect(() => add.run(null, '', '', '')).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE signer SET nip = '1974' WHERE opd_id = 1").run()).toThrow(
      /CHECK/,
    )
    db.prepare('DELETE FROM opd WHERE id = 1').run()
    expect(db.prepare('SELECT title FROM signer').pluck().all()).toEqual(['Kepala BKPSDM'])
  })
})

/**
 * A database made up to the step before `step` with one OPD, one employee and one ceremony in
 * it, then taken through `step`: how an existing kiosk meets a new migration.
 */
function upToWithOneOfEach(step: (typeof MIGRATIONS)[number]) {
  const dir = tempDir()
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'k.sqlite')
  const at = MIGRATIONS.indexOf(step)
  const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, at) })
  before.prepare("INSERT INTO opd (key, name) VALUES ('inspektorat', 'Inspektorat')").run()
  before
    .prepare(
      "INSERT INTO employee (nip, name, opd_id, jenis, updated_at) VALUES ('197405021993111001', 'A', 1, 'PNS', 'now')",
    )
    .run()
  before
    .prepare(
      `INSERT INTO ceremony (name, date, start_time, late_time, starts_at, late_at, time_zone,
       all_opd, unknown_policy, created_at)
       VALUES ('Apel', '2024-09-30', '07:30', '07:45', 'x', 'x', 'Asia/Jakarta', 1, 'review', 'now')`,
    )
    .run()
  before.close()
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, at + 1) })
  cleanups.push(() => db.close())
  return db
}

describe('migration 0008 demo-election', () => {
  it('marks rows made before it as real, with no election named, and takes only 0 or 1', () => {
    const db = upToWithOneOfEach(demoElection)
    expect(db.prepare('SELECT demo FROM employee').pluck().get()).toBe(0)
    expect(db.prepare('SELECT demo FROM opd').pluck().get()).toBe(0)
    expect(db.prepare('SELECT demo, election FROM ceremony').get()).toEqual({
      demo: 0,
      election: '',
    })
    expect(() => db.prepare('UPDATE employee SET demo = 2').run()).toThrow(/CHECK/)
  })
})

describe('migration 0009 log', () => {
  /** A database as version 8 left it, written with SQL only (today's code logs every write). */
  function before(file: string): void {
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(log)) })
    db.exec(`
      INSERT INTO opd (id, key, name) VALUES (1, 'inspektorat', 'Inspektorat');
      INSERT INTO employee (id, nip, name, opd_id, jenis, updated_at) VALUES
        (1, '197405021993111001', 'Siti', 1, 'PNS', 'x'),
        (2, '198001012005011002', 'Budi', 1, 'PNS', 'x');
      INSERT INTO ceremony (id, name, date, start_time, late_time, starts_at, late_at, time_zone,
        all_opd, unknown_policy, created_at) VALUES
        (1, 'Apel Senin', '2024-09-30', '07:30', '07:45', '2024-09-30T00:30:00.000Z',
         '2024-09-30T00:45:00.000Z', 'Asia/Jakarta', 0, 'review', '2024-09-29T10:00:00.000Z');
      INSERT INTO ceremony_opd VALUES (1, 1);
      INSERT INTO checkin (id, ceremony_id, nip, employee_id, scanned_at, late, source, kiosk_id,
        seq, clock_back, cancelled_at, cancel_reason, cancelled_by) VALUES
        (1, 1, '197405021993111001', 1, '2024-09-30T00:31:00.000Z', 0, 'kamera', 'A', 1, 0,
         '2024-09-30T00:20:00.000Z', 'salah pindai', 'A'),
        (2, 1, '197405021993111001', 1, '2024-09-30T00:32:00.000Z', 0, 'pemindai', 'A', 2, 0,
         NULL, NULL, NULL),
        (3, 1, '199912312024121001', NULL, '2024-09-30T00:50:00.000Z', 1, 'manual', 'A', 3, 0,
         NULL, NULL, NULL);
      INSERT INTO absence (ceremony_id, employee_id, reason, note, set_by, set_at) VALUES
        (1, 2, 'SAKIT', 'surat dokter', 'Rina', '2024-09-30T02:00:00.000Z');
      INSERT INTO absence_history (ceremony_id, employee_id, old_reason, old_note, new_reason,
        new_note, changed_by, changed_at) VALUES
        (1, 2, NULL, NULL, 'IZIN', '', 'Rina', '2024-09-30T01:00:00.000Z'),
        (1, 2, 'IZIN', '', 'SAKIT', 'surat dokter', 'Rina', '2024-09-30T02:00:00.000Z');
      INSERT INTO ikrar_reading (ceremony_id, started_at, ended_at, text, kiosk_id) VALUES
        (1, '2024-09-30T00:40:00.000Z', '2024-09-30T00:44:00.000Z', '{"heading":"Ikrar"}', 'A');
    `)
    db.close()
  }

  function migrated() {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'k.sqlite')
    before(file)
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(log) + 1) })
    cleanups.push(() => db.close())
    return db
  }

  const chainOf = (db: ReturnType<typeof migrated>) =>
    db.prepare('SELECT seq, kind, at, kiosk_id AS kioskId, body FROM log_entry ORDER BY seq').all()

  it('turns what the database held into the first entries, oldest first, a chain that verifies', () => {
    const db = migrated()
    const chain = chainOf(db) as { kind: string; at: string; body: string }[]
    expect(chain.map((e) => `${e.kind} ${e.at.slice(11, 16)}`)).toEqual([
      'ceremony.created 10:00',
      'scan 00:31',
      // Cancelled "at 00:20" by a clock set back: still after the scan it cancels.
      'checkin.cancelled 00:20',
      'scan 00:32',
      'ikrar.started 00:40',
      'ikrar.ended 00:44',
      'scan 00:50',
      'absence.set 01:00',
      'absence.set 02:00',
    ])
    expect(JSON.parse(chain[6]!.body)).toMatchObject({
      result: 'unknown-recorded',
      nip: '199912312024121001',
      late: true,
      migrated: true,
    })
    expect(JSON.parse(chain[8]!.body)).toMatchObject({
      reason: 'SAKIT',
      previousReason: 'IZIN',
      by: 'Rina',
    })
    expect(JSON.parse(chain[4]!.body).textSha256).toBe(
      createHash('sha256').update('{"heading":"Ikrar"}').digest('hex'),
    )
    expect(verifyChain(db)).toMatchObject({ ok: true, entries: 9 })
    expect(rebuildMatches(db)).toMatchObject({ matches: true, checkins: 3, absences: 1 })
  })

  it('is deterministic: the same database gives the same entries in the same order', () => {
    // Ids are random UUIDv7 and so are the hashes over them; everything else is the same.
    expect(chainOf(migrated())).toEqual(chainOf(migrated()))
  })

  it('refuses UPDATE and DELETE on the log with a message that says why', () => {
    const db = migrated()
    expect(() => db.prepare("UPDATE log_entry SET at = 'x' WHERE seq = 2").run()).toThrow(
      'Log kehadiran tidak boleh diubah: entri hanya bisa ditambahkan.',
    )
    expect(() => db.prepare('DELETE FROM log_entry WHERE seq = 9').run()).toThrow(
      'Log kehadiran tidak boleh dihapus: entri hanya bisa ditambahkan.',
    )
    expect(db.prepare('SELECT count(*) FROM log_entry').pluck().get()).toBe(9)
  })

  it('starts an empty chain on a new database', () => {
    const { db } = open()
    expect(db.prepare('SELECT count(*) FROM log_entry').pluck().get()).toBe(0)
    expect(verifyChain(db)).toMatchObject({ ok: true, entries: 0, head: null })
  })
})

describe('migration regional-leaders', () => {
  it('adds an ordered list of regional officials beside an existing database, titles required', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'k.sqlite')
    const step = MIGRATIONS.indexOf(regionalLeaders)
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, step) })
    before.prepare("INSERT INTO opd (key, name) VALUES ('inspektorat', 'Inspektorat')").run()
    before.close()
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, step + 1) })
    cleanups.push(() => db.close())
    expect(db.prepare('SELECT name FROM opd').pluck().all()).toEqual(['Inspektorat'])
    const add = db.prepare(
      "INSERT INTO regional_leader (position, title, name, nip, updated_at) VALUES (?, ?, ?, ?, 'now')",
    )
    add.run(1, 'Pj. Bupati Contoh', 'Drs. Ahmad', '197405021993111001')
    add.run(2, 'Sekretaris Daerah', '', '')
    expect(() => add.run(2, 'Asisten I', '', '')).toThrow(/UNIQUE|PRIMARY/)
    expect(() => add.run(3, '', '', '')).toThrow(/CHECK/)
    expect(() => add.run(0, 'Asisten I', '', '')).toThrow(/CHECK/)
    expect(() => add.run(3, 'Asisten I', '', '1974')).toThrow(/CHECK/)
    expect(db.prepare('SELECT title FROM regional_leader ORDER BY position').pluck().all()).toEqual(
      ['Pj. Bupati Contoh', 'Sekretaris Daerah'],
    )
  })
})

describe('migration 0011 pakta', () => {
  it('adds pakta copies, forms and receipts to an existing database: one form and one receipt per person per ceremony', () => {
    const db = upToWithOneOfEach(pakta)
    const form = db.prepare(
      "INSERT INTO pakta_form (ceremony_id, employee_id, nip, issued_at) VALUES (1, 1, '197405021993111001', 'now')",
    )
    form.run()
    expect(() => form.run()).toThrow(/UNIQUE/)
    const receipt = db.prepare(
      `INSERT INTO pakta_receipt (ceremony_id, employee_id, nip, form_id, source, received_at,
         received_by, kiosk_id) VALUES (1, 1, '197405021993111001', 1, ?, 'now', 'Rina', 'K')`,
    )
    expect(() => receipt.run('faks')).toThrow(/CHECK/)
    receipt.run('kamera')
    expect(() => receipt.run('pemindai')).toThrow(/UNIQUE/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO ceremony_pakta (ceremony_id, template_id, heading, subheading, opening,
             statement, points, sanction, closing, updated_at)
           VALUES (1, 't', 'h', '', 'o', 's', '[]', 's', 'c', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/)
    expect(db.prepare('SELECT count(*) FROM ceremony_pakta').pluck().get()).toBe(0)
  })
})

describe('migration 0012 peer-chains', () => {
  it('gives existing ceremonies a unique global id, and keeps peer chains append-only', () => {
    const db = upToWithOneOfEach(peerChains)
    const id = db.prepare('SELECT global_id FROM ceremony WHERE id = 1').pluck().get()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(() => db.prepare('UPDATE ceremony SET global_id = ? WHERE id = 1').run(id)).not.toThrow()
    db.prepare(
      `INSERT INTO ceremony (name, date, start_time, late_time, starts_at, late_at, time_zone,
       all_opd, unknown_policy, created_at, global_id)
       VALUES ('Apel 2', '2024-09-30', '07:30', '07:45', 'x', 'x', 'Asia/Jakarta', 1, 'review', 'now', 'g2')`,
    ).run()
    expect(() => db.prepare("UPDATE ceremony SET global_id = 'g2' WHERE id = 1").run()).toThrow(
      /UNIQUE/,
    )
    db.prepare(
      `INSERT INTO peer (kiosk_id, label, public_key, fingerprint, joined_by, joined_at)
       VALUES ('G', 'Gerbang 1', 'k', 'f', 'live', 'now')`,
    ).run()
    const entry = db.prepare(
      `INSERT INTO peer_entry (kiosk_id, seq, id, kind, at, entry_kiosk_id, body, prev_hash, hash, received_at)
       VALUES ('G', 1, ?, 'scan', 'now', 'G', '{}', 'p', 'h', 'now')`,
    )
    entry.run('e1')
    expect(() => entry.run('e2')).toThrow(/UNIQUE/)
    expect(() => db.prepare("UPDATE peer_entry SET body = '[]'").run()).toThrow(
      /tidak boleh diubah/,
    )
    expect(() => db.prepare('DELETE FROM peer_entry').run()).toThrow(/tidak boleh dihapus/)
  })
})

describe('migration log-unindexed-id', () => {
  it('copies every log entry as it was, hashes and all, onto a table with no index on ids, still append-only', () => {
    const dir = tempDir()
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'k.sqlite')
    const old = openDatabase(file, {
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(logUnindexedId)),
    })
    for (let n = 0; n < 3; n++)
      appendEntry(old, {
        kind: 'pin.set',
        at: `2024-09-30T01:00:0${n}.000Z`,
        kioskId: 'K',
        body: { replaced: n > 0 },
      })
    const entries = old.prepare('SELECT * FROM log_entry ORDER BY seq').all()
    old.close()
    const now = openDatabase(file, {
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(logUnindexedId) + 1),
    })
    cleanups.push(() => now.close())
    expect(now.prepare('SELECT * FROM log_entry ORDER BY seq').all()).toEqual(entries)
    expect(verifyChain(now)).toMatchObject({ ok: true, entries: 3 })
    expect(now.prepare("SELECT name FROM pragma_index_list('log_entry')").pluck().all()).toEqual([])
    expect(() => now.prepare("UPDATE log_entry SET at = 'x' WHERE seq = 2").run()).toThrow(
      'Log kehadiran tidak boleh diubah',
    )
    expect(() => now.prepare('DELETE FROM log_entry WHERE seq = 3').run()).toThrow(
      'Log kehadiran tidak boleh dihapus',
    )
  })
})

/**
 * A kiosk database as it was just before `migration`, holding gate G1's chain of two entries:
 * the creation of its ceremony 3 (global id G-3) and a scan of it. The rows come back as stored.
 */
function peerChainBefore(migration: Migration) {
  const dir = tempDir()
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'k.sqlite')
  const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, migration.version - 1) })
  old
    .prepare(
      `INSERT INTO peer (kiosk_id, label, public_key, fingerprint, joined_by, joined_at)
       VALUES ('G1', 'Gerbang 1', 'k', 'f', 'live', 'now')`,
    )
    .run()
  const entry = old.prepare(
    `INSERT INTO peer_entry (kiosk_id, seq, id, kind, at, entry_kiosk_id, body, prev_hash, hash, received_at)
     VALUES ('G1', ?, ?, ?, 'now', 'G1', ?, ?, ?, 'now')`,
  )
  const created = JSON.stringify({ ceremonyId: 3, globalId: 'G-3' })
  entry.run(1, 'e1', 'ceremony.created', created, 'p0', 'h1')
  entry.run(2, 'e2', 'scan', JSON.stringify({ ceremonyId: 3, nip: '1' }), 'h1', 'h2')
  const rows = old.prepare('SELECT * FROM peer_entry ORDER BY kiosk_id, seq').all()
  old.close()
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, migration.version) })
  cleanups.push(() => db.close())
  return { db, rows }
}

describe('migration 0016 peer-ceremony-index', () => {
  it("indexes only the peers' ceremony.created rows, by their own ceremony id and by global id, over chains already held", () => {
    const { db } = peerChainBefore(peerCeremonyIndex)
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((r) => r.detail)
        .join('; ')
    const byOwnId = `SELECT seq FROM peer_entry WHERE kiosk_id = ? AND kind = 'ceremony.created'
      AND json_extract(body, '$.ceremonyId') = ?`
    const byGlobalId = `SELECT seq FROM peer_entry WHERE kind = 'ceremony.created'
      AND json_extract(body, '$.globalId') = ?`
    expect(plan(byOwnId, 'G1', 3)).toMatch(/USING INDEX peer_entry_ceremony/)
    expect(plan(byGlobalId, 'G-3')).toMatch(/USING INDEX peer_entry_global_id/)
    expect(db.prepare(byOwnId).pluck().all('G1', 3)).toEqual([1])
    expect(db.prepare(byGlobalId).pluck().all('G-3')).toEqual([1])
  })
})

describe('migration 0018 merge-lean-indexes', () => {
  it("copies peers' chains as they were onto a table without an id index, still append-only, and indexes only the arrivals the merge set aside", () => {
    const { db, rows } = peerChainBefore(mergeLeanIndexes)
    expect(db.prepare('SELECT * FROM peer_entry ORDER BY kiosk_id, seq').all()).toEqual(rows)
    const indexes = (table: string) =>
      db.prepare(`SELECT name FROM pragma_index_list('${table}') ORDER BY name`).pluck().all()
    expect(indexes('peer_entry')).toEqual([
      'peer_entry_ceremony',
      'peer_entry_global_id',
      'sqlite_autoindex_peer_entry_1',
    ])
    expect(
      db
        .prepare("SELECT name FROM pragma_index_info('sqlite_autoindex_peer_entry_1')")
        .pluck()
        .all(),
    ).toEqual(['kiosk_id', 'seq'])
    expect(indexes('checkin')).not.toContain('checkin_person')
    // The index's condition is the very value the merge writes.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM checkin
         WHERE ceremony_id = 1 AND nip = '1' AND cancelled_by = '${MERGE_CANCELLED_BY}'`,
      )
      .all() as { detail: string }[]
    expect(plan.map((r) => r.detail).join('; ')).toMatch(
      /USING (COVERING )?INDEX checkin_set_aside/,
    )
    expect(() => db.prepare("UPDATE peer_entry SET at = 'x' WHERE seq = 2").run()).toThrow(
      'tidak boleh diubah',
    )
    expect(() => db.prepare('DELETE FROM peer_entry WHERE seq = 2').run()).toThrow(
      'tidak boleh dihapus',
    )
  })
})
