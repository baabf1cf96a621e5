import type { PreflightResult } from '../../shared/contract/preflight'
import { formatCount } from '../../shared/format'
import { displaysMirrored, presenterDisplay, type DisplayInfo } from '../window/displays'

/** The screens as Electron lists them, and which one holds the kiosk window. */
export interface DisplayFacts {
  all: readonly (DisplayInfo & { label?: string })[]
  kioskDisplayId: number
}

const size = (d: DisplayInfo) => `${d.bounds.width} × ${d.bounds.height}`

/**
 * "Layar kedua": whether the ikrar will reach the crowd, by the same rule that opens the
 * projector window (window/displays.ts). `facts` is absent where no desktop shell runs.
 */
export function checkDisplay(
  facts: DisplayFacts | undefined,
  mirrorSetting: boolean,
): PreflightResult {
  if (!facts) {
    return {
      status: 'warn',
      detail:
        'Layar kedua tidak dapat diperiksa di sini: kiosk tidak berjalan sebagai aplikasi desktop.',
      advice: 'Periksa dari aplikasi kiosk di laptop dengan proyektor tersambung.',
    }
  }
  const target = presenterDisplay(facts.all, facts.kioskDisplayId)
  if (target) {
    const name = target.label ? ` (${target.label})` : ''
    return {
      status: 'ok',
      detail: `Layar kedua ditemukan${name}, ${size(target)}: ikrar tampil di layar itu saat dibacakan.`,
      advice: null,
    }
  }
  if (displaysMirrored(facts.all)) {
    return {
      status: 'ok',
      detail:
        'Layar laptop dicerminkan ke layar kedua: peserta melihat layar kiosk; selama ikrar nama yang baru hadir tidak ditampilkan.',
      advice: null,
    }
  }
  if (mirrorSetting) {
    return {
      status: 'ok',
      detail: `${formatCount(facts.all.length)} layar terdeteksi; menurut setelan "Layar dicerminkan ke proyektor", proyektor menampilkan layar laptop.`,
      advice: null,
    }
  }
  return {
    status: 'warn',
    detail: 'Hanya satu layar terdeteksi: belum ada proyektor yang tersambung.',
    advice:
      'Sambungkan proyektor lalu pilih "Perluas" (Windows+P) agar ikrar tampil di layar sendiri, atau "Duplikat" lalu nyalakan "Layar dicerminkan ke proyektor" di Pengaturan. Tanpa proyektor ikrar tetap dapat dibacakan dari layar ini.',
  }
}
