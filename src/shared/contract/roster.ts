import { z } from 'zod'
import {
  CARD_FILTERS,
  JENIS_PEGAWAI,
  MAX_CARDS_PER_PRINT,
  type CardHolder,
  type Employee,
  type ImportPreview,
  type ImportResult,
  type Opd,
} from '../domain'
import { FIELD_MAX } from '../field-limits'
import { call } from './define'

const text = (max: number) => z.string().trim().max(max)
const id = z.number().int().positive()

export const employeeFields = z
  .object({
    name: text(FIELD_MAX.name).min(1, 'Nama wajib diisi'),
    opdId: id,
    jabatan: text(FIELD_MAX.jabatan),
    pangkat: text(FIELD_MAX.pangkat),
  })
  .strict()

const rosterFilter = z
  .object({
    query: text(100),
    opdId: id.nullable(),
    includeInactive: z.boolean(),
    /** Only the roster screen filters on cards; the check-in search never does. */
    card: z.enum(CARD_FILTERS).default('any'),
  })
  .strict()

/** What every QR card says above the person: the agency and its logo (both optional). */
export interface CardIdentity {
  /** "Pemerintah Kabupaten Banyuwangi"; empty: the line is left off the card. */
  instansi: string
  /** A small PNG as a data URL; null: no logo. */
  logo: string | null
}
/** A logo is printed about 10 mm wide: a few hundred pixels and tens of KB are plenty. */
export const MAX_LOGO_BYTES = 100 * 1024
export const MAX_LOGO_SIDE = 1024

export const rosterContract = {
  'roster.listOpd': call<Opd[]>()(z.undefined()),
  /** Names and NIPs (a NIP encodes birth date and sex): the officer's only. */
  'roster.search': call<{ total: number; rows: Employee[] }>({ officer: true })(
    rosterFilter
      .extend({ limit: z.number().int().min(1).max(500), offset: z.number().int().min(0) })
      .strict(),
  ),
  /** Whom the filter selects, for the card sheet: all of them, by OPD then name. */
  'roster.cardHolders': call<CardHolder[]>({ officer: true })(rosterFilter),
  /** The officer saw the sheet come out of the printer; until then nobody counts as carded. */
  'roster.markCardsPrinted': call<{ marked: number }>({
    officer: true,
    changes: ['roster.changed'],
  })(z.object({ ids: z.array(id).min(1).max(MAX_CARDS_PER_PRINT) }).strict()),
  'roster.cardIdentity': call<CardIdentity>()(z.undefined()),
  'roster.setCardIdentity': call<CardIdentity>({ officer: true, changes: ['roster.changed'] })(
    z
      .object({
        instansi: text(200),
        // Base64 is 4/3 of the bytes; the exact bound is checked in main on the decoded PNG.
        logo: z
          .string()
          .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 64)
          .nullable(),
      })
      .strict(),
  ),
  /** Opens the file dialog in main; null when the officer cancels. */
  'roster.chooseImportFile': call<ImportPreview | null>()(z.undefined()),
  /** `removeDemo`: the officer agreed that the demo data goes first (asked when there is some). */
  'roster.applyImport': call<ImportResult>({ officer: true, changes: ['roster.changed'] })(
    z.object({ previewId: z.string().max(64), removeDemo: z.boolean().default(false) }).strict(),
  ),
  'roster.update': call<Employee>({ officer: true, changes: ['roster.changed'] })(
    employeeFields.extend({ id, jenis: z.enum(JENIS_PEGAWAI), active: z.boolean() }).strict(),
  ),
  'roster.addNonAsn': call<Employee>({ officer: true, changes: ['roster.changed'] })(
    employeeFields,
  ),
}
