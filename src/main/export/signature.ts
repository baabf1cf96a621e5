import type ExcelJS from 'exceljs'
import { formatNip } from '../../shared/nip'
import type { Signer } from '../../shared/signer'

const DOTS = '.........................................'
const LINE_HEIGHT = 15

export interface SignaturePlace {
  /** "30 September 2024": the date after the blank for the place. */
  day: string
  /** First and last column letters the block spans, e.g. "F" and "H". */
  from: string
  to: string
  /** Characters that fit on one line across the block, to size a wrapped title. */
  chars: number
}

/**
 * "Mengetahui," then the signer's title, room to sign, the name bold and underlined, the
 * pangkat, and "NIP. 19740502 199311 1 001", as government sheets print it. A name or NIP
 * not set prints as a dotted line to write on. Works on a streamed sheet too (each row
 * committed). Returns the number of the block's last row.
 */
export function addSignature(sheet: ExcelJS.Worksheet, signer: Signer, at: SignaturePlace): number {
  const lines: [string, Partial<ExcelJS.Font>?][] = [
    [`..................., ${at.day}`],
    ['Mengetahui,'],
    [signer.title],
    [''],
    [''],
    [''],
    signer.name ? [signer.name, { bold: true, underline: true }] : [`(${DOTS})`],
    ...(signer.pangkat ? [[signer.pangkat] as [string]] : []),
    [`NIP. ${signer.nip ? formatNip(signer.nip) : DOTS}`],
  ]
  const gap = sheet.addRow([])
  gap.commit()
  let last = gap.number
  for (const [text, font] of lines) {
    const row = sheet.addRow([])
    const cell = row.getCell(at.from)
    cell.value = text
    if (font) cell.font = font
    cell.alignment = { horizontal: 'center', vertical: 'top', wrapText: true }
    row.height = LINE_HEIGHT * Math.max(1, Math.ceil(text.length / at.chars))
    sheet.mergeCells(`${at.from}${row.number}:${at.to}${row.number}`)
    last = row.number
    row.commit()
  }
  return last
}
