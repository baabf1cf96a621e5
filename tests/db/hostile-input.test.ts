import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/db/connection'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { rosterRow } from '../fixtures/roster-row'
import { applyRoster } from '../../src/main/roster/repository'
import { CHANNELS } from '../../src/shared/contract'
import { MAX_PAYLOAD_LENGTH } from '../../src/shared/payload'
import { tempDb } from '../fixtures/temp-db'
import { testContext } from '../fixtures/context'
import { addCeremony } from '../fixtures/ceremony'
import { seededRandom } from '../../src/main/roster/demo'
import path from 'node:path'
import { readRosterFile } from '../../src/main/roster/import'
import { UserError } from '../../src/main/errors'
import { columnLetter } from '../../src/main/roster/sheet-limits'
import { inlineCell, writeSheetXlsx } from '../fixtures/hostile-xlsx'

let db: Db
let dir: string
let handlers: Handlers
let cleanup: () => void
const BUDI = '197405021993111001'
const SITI = '198001152005012002'

beforeEach(() => {
  ;({ db, dir, cleanup } = tempDb())
  applyRoster(
    db,
    [BUDI, SITI].map((nip, i) => rosterRow(nip, `Pegawai ${i}`, 'Inspektorat', i + 2)),
    new Date(),
  )
  addCeremony(db, { name: 'Apel' })
  handlers = createHandlers(
    testContext({
      db,
      dbPath: '',
      kioskId: 'FUZZ',
      now: () => new Date(),
    }),
  )
})
afterEach(() => cleanup())

const FRAGMENTS = [
  "'; DROP TABLE checkin; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u202e\u200f\u200e',
  '\u0000\u0007\u001b[31m',
  '=HYPERLINK("http://x")',
  '197402301993111001', // 30 February
  '199913451999131001', // month 13
  'NIP',
  '%00%ff%',
  '{"nip": null}',
  '\ud800',
]

/** Payloads that hold no valid NIP, built from random bytes and the fragments above. */
function junk(rand: () => number): string {
  const parts: string[] = []
  const n = 1 + Math.floor(rand() * 5)
  for (let i = 0; i < n; i++) {
    const r = rand()
    if (r < 0.4) parts.push(FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!)
    else if (r < 0.8) {
      const len = Math.floor(rand() * 40)
      parts.push(
        String.fromCharCode(...Array.from({ length: len }, () => Math.floor(rand() * 0x3000))),
      )
    } else parts.push(String(Math.floor(rand() * 1e12)))
  }
  return parts.join(rand() < 0.5 ? ' ' : '')
}

const rows = () => db.prepare('SELECT count(*) FROM checkin').pluck().get() as number

describe('the scan handler under hostile payloads', () => {
  it('answers 3,000 junk payloads with an invalid-code outcome and writes nothing', async () => {
    // Seeded, so a failing case can be replayed.
    const rand = seededRandom(42)
    for (let i = 0; i < 3000; i++) {
      const payload =
        i % 100 === 0 ? junk(rand).repeat(200).slice(0, MAX_PAYLOAD_LENGTH) : junk(rand)
      const result = await invoke(handlers, 'checkin.scan', { payload, source: 'pemindai' })
      if (!result.ok || (result.value as { kind: string }).kind !== 'invalid') {
        throw new Error(`payload ${JSON.stringify(payload)} gave ${JSON.stringify(result)}`)
      }
    }
    expect(rows()).toBe(0)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('refuses two NIPs in one payload, and records exactly the one NIP hidden among markup', async () => {
    const two = await invoke(handlers, 'checkin.scan', {
      payload: `${BUDI}<br>${SITI}`,
      source: 'kamera',
    })
    expect(two).toMatchObject({ ok: true, value: { kind: 'invalid' } })
    const hidden = await invoke(handlers, 'checkin.scan', {
      payload: `<script>x</script>'; DROP TABLE checkin; --\u202e NIP ${BUDI}`,
      source: 'kamera',
    })
    expect(hidden).toMatchObject({ ok: true, value: { kind: 'recorded', person: { nip: BUDI } } })
    expect(db.prepare('SELECT nip FROM checkin').pluck().all()).toEqual([BUDI])
  })

  it('refuses an oversized payload at the door', async () => {
    const result = await invoke(handlers, 'checkin.scan', {
      payload: 'x'.repeat(MAX_PAYLOAD_LENGTH + 1),
      source: 'kamera',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})

describe('undo through the door', () => {
  it('marks the arrival cancelled by this kiosk, the only identity an officer has here', async () => {
    const scan = await invoke(handlers, 'checkin.scan', { payload: BUDI, source: 'kamera' })
    const checkinId = (scan as { value: { checkinId: number } }).value.checkinId
    expect(await invoke(handlers, 'checkin.undo', { checkinId, reason: 'salah orang' })).toEqual({
      ok: true,
      value: { checkinId },
    })
    expect(
      db.prepare('SELECT cancel_reason, cancelled_by FROM checkin WHERE id = ?').get(checkinId),
    ).toEqual({ cancel_reason: 'salah orang', cancelled_by: 'FUZZ' })
  })
})

describe('every call validates its input', () => {
  it('refuses an unknown call', async () => {
    expect(await invoke(handlers, 'app.runShell', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    })
    expect(await invoke(handlers, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    })
  })

  it.each(CHANNELS)(
    '%s rejects wrong types and unknown fields instead of casting them',
    async (channel) => {
      for (const bad of [{ __unknown: true }, 'teks', 42, [1, 2]]) {
        const result = await invoke(handlers, channel, bad)
        expect(result, `${channel} accepted ${JSON.stringify(bad)}`).toMatchObject({
          ok: false,
          error: { code: 'BAD_INPUT' },
        })
      }
    },
  )

  it('does not cast: a number where a string belongs, or an extra field, is refused', async () => {
    expect(
      await invoke(handlers, 'checkin.scan', { payload: Number(BUDI), source: 'kamera' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    })
    expect(
      await invoke(handlers, 'checkin.scan', { payload: BUDI, source: 'kamera', kioskId: 'PALSU' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/kioskId/) },
    })
    expect(rows()).toBe(0)
  })
})

describe('roster sheets written to slip past the guard', () => {
  const HEADER = `<row r="1">${['NIP', 'Nama', 'Unit Kerja'].map((t, i) => inlineCell(`${columnLetter(i)}1`, t)).join('')}</row>`
  const BOMB = 'A1:XFD1048576'

  it.each([
    [
      'a quoted ">" before the address',
      `<mergeCells><mergeCell x=">" ref="${BOMB}"/></mergeCells>`,
    ],
    [
      'single quotes and spaces around "="',
      `<mergeCells><mergeCell ref = '${BOMB}'/></mergeCells>`,
    ],
    [
      'an open quote inside CDATA that would swallow the merge',
      `<![CDATA[<c a="]]><mergeCells><mergeCell ref="${BOMB}"/></mergeCells><x b="]]>`,
    ],
    [
      'a validation over the whole sheet',
      `<dataValidations><dataValidation sqref="A1 ${BOMB}"/></dataValidations>`,
    ],
  ])('refuses a merge bomb hidden behind %s', async (_, after) => {
    const file = path.join(dir, 'selip.xlsx')
    await writeSheetXlsx(file, [HEADER], after)
    const started = performance.now()
    await expect(readRosterFile(file)).rejects.toThrow(/^Berkas selip.xlsx ditolak: /)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('refuses a defined name over the whole sheet, and reads a print area', async () => {
    const named = (text: string, name = 'Pegawai') => ({
      'xl/workbook.xml': (xml: string) =>
        xml.replace(
          '</sheets>',
          `</sheets><definedNames><definedName name="${name}" localSheetId="0">${text}</definedName></definedNames>`,
        ),
    })
    const file = path.join(dir, 'nama.xlsx')
    await writeSheetXlsx(file, [HEADER], '', named(`'Data Pegawai'!$A$1:$XFD$1048576`))
    const started = performance.now()
    await expect(readRosterFile(file)).rejects.toThrow(
      /^Berkas nama.xlsx ditolak: isinya terlalu banyak untuk daftar pegawai/,
    )
    expect(performance.now() - started).toBeLessThan(2000)
    // exceljs keeps a print area as text: even one over the whole sheet costs nothing.
    const print = path.join(dir, 'cetak.xlsx')
    await writeSheetXlsx(
      print,
      [HEADER],
      '',
      named(`'Data Pegawai'!$A$1:$XFD$1048576`, '_xlnm.Print_Area'),
    )
    expect((await readRosterFile(print)).rejected).toEqual([])
  })

  it('answers 60 seeded random sheets with a roster or an Indonesian refusal, each in bounded time', async () => {
    const rand = seededRandom(7)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
    const num = (max: number) => 1 + Math.floor(rand() * max)
    const ref = () =>
      rand() < 0.92
        ? `${columnLetter(num(30) - 1)}${num(500)}`
        : pick([
            `XFD${num(9)}`,
            `A${num(2_000_000)}`,
            `${columnLetter(num(20_000) - 1)}1`,
            'A0',
            'a1',
            '&#65;1',
            '',
            'A1:B2:C3',
          ])
    const pieces = [
      () =>
        `<row r="${rand() < 0.9 ? num(500) : pick([num(2_000_000), 0, 'x'])}">${inlineCell(ref(), '197405021993111001')}</row>`,
      () => `<row r="${num(500)}"><c r="${ref()}"><v>${num(1e6)}</v></c></row>`,
      () => `<mergeCells><mergeCell ref="${ref()}:${ref()}"/></mergeCells>`,
      () => `<cols><col min="1" max="${pick([num(20), num(16_384), num(2e9)])}"/></cols>`,
      () => `<dataValidations><dataValidation sqref="${ref()}:${ref()}"/></dataValidations>`,
      () => `<c r="${ref()}" t="inlineStr"><is><t>${'x'.repeat(num(300))}</t></is></c>`,
      () => '<!-- <mergeCell ref="A1:B2"/> -->',
      () => `<row r="${num(500)}">${'<c><v>1</v></c>'.repeat(num(2000))}</row>`,
    ]
    for (let i = 0; i < 60; i++) {
      const file = path.join(dir, `acak-${i}.xlsx`)
      const rows = [HEADER, ...Array.from({ length: num(6) }, () => pick(pieces)())]
      await writeSheetXlsx(file, rows)
      const started = performance.now()
      const outcome = await readRosterFile(file).catch((e: unknown) => e)
      const ms = performance.now() - started
      if (outcome instanceof Error) {
        expect(outcome, `case ${i}: ${rows.join('')}`).toBeInstanceOf(UserError)
        expect(outcome.message).toMatch(/^Berkas acak-\d+\.xlsx[ :]/)
      } else expect(outcome).toHaveProperty('rejected')
      expect(ms, `case ${i}`).toBeLessThan(3000)
    }
  })
})
