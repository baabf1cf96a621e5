// Which kiosk recorded each arrival, in a hub's exports: the "Kiosk" column and the recap's
// "Kiosk" sheet (docs/keaslian.md, "Banyak kiosk").
import type ExcelJS from 'exceljs'
import type { AttendanceRow } from '../../shared/attendance'
import type { Ceremony } from '../../shared/domain'
import { TIME_ZONES, wallClockDate } from '../../shared/time'
import type { Db } from '../db/connection'
import { ownKioskLabel } from '../hub/kiosk-label'
import { kioskLabel, MERGE_CANCELLED_BY } from '../hub/merge'
import { kioskRole } from '../hub/role'
import { fingerprintOf } from '../keys/signature'
import { SCAN_TIME_FORMAT, type DataColumn } from './columns'
import type { ManifestKiosk } from '../../shared/contract/authenticity'
import type { PrintColumn } from './opd-workbook'
import { borderedRow } from './table-row'

/** How a kiosk's arrivals came here, in the officer's words. */
export type KioskJoin = 'kiosk ini' | 'langsung' | 'berkas'

/** One kiosk that recorded arrivals of the ceremony, as this kiosk holds its chain. */
export interface KioskContribution {
  label: string
  joined: KioskJoin
  fingerprint: string
  /** The last entry of its chain held here; for this kiosk, its log's head at export. */
  head: { seq: number; hash: string } | null
  /** Its arrivals that count. */
  counted: number
  /** Its arrivals the merge set aside: the person was recorded earlier at another kiosk. */
  setAside: number
  /**
   * UTC: a live gate's last contact; an office's file, the time of the chain head it ended
   * on (when it was written, the same whatever day it was taken in); this kiosk: null.
   */
  lastSeen: string | null
}

export interface ExportKiosks {
  /** Whether the files carry the Kiosk column, and the recap its Kiosk sheet. */
  shown: boolean
  /** This kiosk first, then live gates, then offices' files, each by label. */
  contributors: KioskContribution[]
}

interface ContributionRow {
  peerId: string | null
  counted: number
  setAside: number
  label: string | null
  joinedBy: 'live' | 'berkas' | null
  fingerprint: string | null
  lastSeen: string | null
  seq: number | null
  hash: string | null
  headAt: string | null
}

// Counted per installation id first, then joined to the peers: rows not of a peer are this
// kiosk's own (under any installation id it had), one group.
const CONTRIBUTIONS = `
  WITH per AS (
    SELECT kiosk_id, sum(cancelled_at IS NULL) AS counted,
      sum(cancelled_by IS '${MERGE_CANCELLED_BY}') AS setAside
    FROM checkin WHERE ceremony_id = ? GROUP BY kiosk_id
  )
  SELECT p.kiosk_id AS peerId, sum(per.counted) AS counted, sum(per.setAside) AS setAside,
    p.label, p.joined_by AS joinedBy, p.fingerprint, p.last_seen AS lastSeen, h.seq, h.hash,
    h.at AS headAt
  FROM per
  LEFT JOIN peer p ON p.kiosk_id = per.kiosk_id
  LEFT JOIN peer_entry h ON h.kiosk_id = p.kiosk_id
    AND h.seq = (SELECT max(seq) FROM peer_entry WHERE kiosk_id = p.kiosk_id)
  GROUP BY p.kiosk_id`

const JOIN_ORDER: Record<KioskJoin, number> = { 'kiosk ini': 0, langsung: 1, berkas: 2 }

function contribution(
  r: ContributionRow,
  own: { label: string; publicKey: string; head: KioskContribution['head'] },
): KioskContribution {
  const counts = { counted: r.counted, setAside: r.setAside }
  if (r.peerId === null) {
    return {
      ...counts,
      label: own.label,
      joined: 'kiosk ini',
      lastSeen: null,
      head: own.head,
      fingerprint: fingerprintOf(own.publicKey),
    }
  }
  const live = r.joinedBy === 'live'
  return {
    ...counts,
    label: r.label!,
    joined: live ? 'langsung' : 'berkas',
    fingerprint: r.fingerprint!,
    head: r.seq === null ? null : { seq: r.seq, hash: r.hash! },
    lastSeen: live ? r.lastSeen : r.headAt,
  }
}

/**
 * The kiosks whose arrivals a ceremony holds, read in the export's transaction. The column
 * shows at a hub, and wherever another kiosk's arrivals were taken in (an office's file at a
 * standalone BKPSDM kiosk): a standalone kiosk's own exports stay as OPD heads know them.
 */
export function exportKiosks(
  db: Db,
  ceremonyId: number,
  own: { publicKey: string; head: KioskContribution['head'] },
): ExportKiosks {
  const rows = db.prepare(CONTRIBUTIONS).all(ceremonyId) as ContributionRow[]
  const ownSide = { ...own, label: ownKioskLabel(db) }
  const contributors = rows
    .map((r) => contribution(r, ownSide))
    .sort(
      (a, b) =>
        JOIN_ORDER[a.joined] - JOIN_ORDER[b.joined] ||
        a.label.localeCompare(b.label, 'id', { numeric: true }) ||
        (a.fingerprint < b.fingerprint ? -1 : 1),
    )
  const shown = kioskRole(db) === 'induk' || contributors.some((c) => c.joined !== 'kiosk ini')
  return { shown, contributors }
}

/** The header of the column, in the data sheet, the CSV and the print sheet. */
export const KIOSK_HEADER = 'Kiosk'

/**
 * Where the arrival that counts was recorded: 'Gerbang 2', an office's name, or this kiosk by
 * its role ('Kiosk induk', its own gate label, 'Kiosk ini').
 * Labels are read now, in the export's transaction: the column holds them, not the database.
 */
export function kioskLabels(db: Db, rows: readonly AttendanceRow[]): Map<string, string> {
  const ids = new Set(rows.flatMap((r) => (r.kioskId ? [r.kioskId] : [])))
  return new Map([...ids].map((id) => [id, kioskLabel(db, id)]))
}

/** The Kiosk column of the data sheets and the CSV. */
export function kioskColumns(labels: ReadonlyMap<string, string>): DataColumn[] {
  return [{ header: KIOSK_HEADER, width: 22, value: labelOf(labels) }]
}

const labelOf = (labels: ReadonlyMap<string, string>) => (r: AttendanceRow) =>
  r.kioskId ? (labels.get(r.kioskId) ?? '') : ''

/** The same on the print sheet: which gate or office a disputed arrival came through. */
export function kioskPrintColumn(labels: ReadonlyMap<string, string>): PrintColumn {
  return { header: KIOSK_HEADER, width: 14, wrap: true, value: labelOf(labels) }
}

export const KIOSK_SHEET = 'Kiosk'

const sheetHeader = (zone: string) => [
  'No',
  'Kiosk',
  'Cara Bergabung',
  'Sidik Kunci',
  'Kepala Rantai (Nomor)',
  'Kepala Rantai (Hash)',
  'Kedatangan Dihitung',
  'Disisihkan (Sudah Tercatat di Kiosk Lain)',
  `Terakhir Terlihat (${zone})`,
]
const WIDTHS = [5, 26, 14, 36, 12, 18, 12, 18, 20]
const LAST = String.fromCharCode(64 + WIDTHS.length)
/** Characters per line across the table, to size a merged line's row. */
const LINE_CHARS = WIDTHS.reduce((n, w) => n + w, 0) - 10
const LINE_HEIGHT = 15
/** The hash as people compare it: its first 16 hex characters (the manifest holds all 64). */
const SHORT_HASH = 16

/**
 * The recap's "Kiosk" sheet: every kiosk that recorded arrivals of the ceremony, with the key
 * and the chain head this kiosk holds for it, so a disputed arrival can be traced to its chain.
 */
export function addKioskSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  ceremony: Ceremony,
  kiosks: ExportKiosks,
  pageSetup: Partial<ExcelJS.PageSetup>,
): void {
  const zone = TIME_ZONES[ceremony.timeZone].label
  const sheet = workbook.addWorksheet(KIOSK_SHEET, { pageSetup: { ...pageSetup } })
  sheet.columns = WIDTHS.map((width) => ({ width }))
  /** A line across the table's width, wrapped (merged: people read it, no program does). */
  const text = (value: string, font: Partial<ExcelJS.Font> = {}) => {
    const row = sheet.addRow([value])
    row.getCell(1).font = font
    row.getCell(1).alignment = { vertical: 'top', wrapText: true }
    row.height = LINE_HEIGHT * Math.ceil(value.length / LINE_CHARS)
    sheet.mergeCells(`A${row.number}:${LAST}${row.number}`)
    row.commit()
  }
  text('KIOSK YANG MENCATAT KEHADIRAN', { bold: true })
  text(ceremony.name, { bold: true })
  text(
    'Setiap kiosk yang kedatangannya ada di ekspor ini. Bila seseorang tercatat di beberapa kiosk, yang dihitung pindaian paling awal; yang lain disisihkan.',
    { italic: true, size: 9 },
  )
  sheet.addRow([]).commit()
  borderedRow(sheet, sheetHeader(zone), true, WIDTHS).commit()
  /** The last column: a date cell where there is a time, else left empty. */
  const seenAt = WIDTHS.length
  kiosks.contributors.forEach((k, i) => {
    const row = borderedRow(
      sheet,
      [
        i + 1,
        k.label,
        k.joined,
        k.fingerprint,
        k.head ? k.head.seq : '',
        k.head ? k.head.hash.slice(0, SHORT_HASH) : '',
        k.counted,
        k.setAside,
        '',
      ],
      false,
      WIDTHS,
    )
    if (k.lastSeen) {
      row.getCell(seenAt).value = wallClockDate(k.lastSeen, ceremony.timeZone)
      row.getCell(seenAt).numFmt = SCAN_TIME_FORMAT
    }
    row.commit()
  })
  const sum = (pick: (k: KioskContribution) => number) =>
    kiosks.contributors.reduce((n, k) => n + pick(k), 0)
  const total = ['', 'JUMLAH', '', '', '', '', sum((k) => k.counted), sum((k) => k.setAside), '']
  borderedRow(sheet, total, true, WIDTHS).commit()
  sheet.addRow([]).commit()
  text(
    'Terakhir terlihat: gerbang langsung, saat terakhir terhubung ke kiosk induk; berkas kantor, waktu kepala rantai berkas terakhir yang diterima (saat berkas itu ditulis). Kepala rantai: entri terakhir log kiosk itu yang disimpan di sini; hash lengkapnya ada di "Daftar Berkas Ekspor.json".',
    { italic: true, size: 9 },
  )
  sheet.commit()
}

/** The kiosks as the signed manifest lists them: keys in Indonesian, full hashes. */
export function manifestKiosks(kiosks: ExportKiosks): ManifestKiosk[] {
  return kiosks.contributors.map((k) => ({
    label: k.label,
    caraBergabung: k.joined,
    sidikKunci: k.fingerprint,
    kepalaRantai: k.head,
    dihitung: k.counted,
    disisihkan: k.setAside,
  }))
}
