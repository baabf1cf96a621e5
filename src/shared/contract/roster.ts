import { z } from 'zod'
import {
  JENIS_PEGAWAI,
  type Employee,
  type ImportPreview,
  type ImportResult,
  type Opd,
} from '../domain'
import { call } from './define'

const text = (max: number) => z.string().trim().max(max)
const id = z.number().int().positive()

export const employeeFields = z
  .object({
    name: text(200).min(1, 'Nama wajib diisi'),
    opdId: id,
    jabatan: text(200),
    pangkat: text(100),
  })
  .strict()

export const rosterContract = {
  'roster.listOpd': call<Opd[]>()(z.undefined()),
  'roster.search': call<{ total: number; rows: Employee[] }>()(
    z
      .object({
        query: text(100),
        opdId: id.nullable(),
        includeInactive: z.boolean(),
        limit: z.number().int().min(1).max(500),
        offset: z.number().int().min(0),
      })
      .strict(),
  ),
  /** Opens the file dialog in main; null when the officer cancels. */
  'roster.chooseImportFile': call<ImportPreview | null>()(z.undefined()),
  'roster.applyImport': call<ImportResult>({ officer: true })(
    z.object({ previewId: z.string().max(64) }).strict(),
  ),
  'roster.update': call<Employee>({ officer: true })(
    employeeFields.extend({ id, jenis: z.enum(JENIS_PEGAWAI), active: z.boolean() }).strict(),
  ),
  'roster.addNonAsn': call<Employee>({ officer: true })(employeeFields),
}
