// The window's own items of "Uji perangkat" (camera, scanner, sound): what the officer saw and
// heard, judged like main's items, as {status, detail, advice}.
import type { PreflightResult } from '../../../shared/contract/preflight'
import { formatNip } from '../../../shared/nip'
import { extractNip } from '../../../shared/payload'
import { averageGapMs } from '../checkin/keyboard-wedge'
import type { Reading } from '../checkin/scanner-test'

/** The figures of a running camera the item names (CameraPanel's CameraStatus carries them). */
interface CameraFigures {
  camera: string
  width: number
  height: number
  decoder: string | null
}

/** What the camera item has seen so far. */
export interface CameraSeen {
  problem: string | null
  status: CameraFigures | null
  code: string | null
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

/** null: the camera is still starting, nothing to judge yet. */
export function judgeCamera({ problem, status, code }: CameraSeen): PreflightResult | null {
  if (problem) {
    return {
      status: 'fail',
      detail: problem,
      advice:
        'Sambungkan kamera (USB) atau tutup aplikasi lain yang memakainya, izinkan kamera, lalu tekan Ulangi.',
    }
  }
  if (!status) return null
  const camera = `${status.camera}, ${status.width} × ${status.height}`
  const fallback = status.decoder === 'html5-qrcode'
  if (!code) {
    return {
      status: 'warn',
      detail: `Kamera menyala (${camera}), belum ada kode terbaca.`,
      advice: 'Tunjukkan kartu QR apa pun ke kamera, sekitar 20 cm di depannya.',
    }
  }
  const read = extractNip(code)
  const what = read.ok
    ? `NIP ${formatNip(read.nip)}`
    : `"${shorten(code)}" (bukan NIP: ${read.reason})`
  if (fallback) {
    return {
      status: 'warn',
      detail: `Kamera membaca ${what} (${camera}), dengan pembaca QR cadangan.`,
      advice:
        'Kode yang redup, kecil, atau terbalik warnanya mungkin sulit terbaca: mulai ulang kiosk; bila tetap, hubungi petugas TI.',
    }
  }
  return { status: 'ok', detail: `Kamera membaca ${what} (${camera}).`, advice: null }
}

const SUFFIX_ADVICE =
  'Atur pemindai agar mengirim Enter di akhir setiap kode (lihat buku petunjuk pemindai, biasanya dengan memindai kode pengaturan "Add CR/Enter suffix").'

/** The last burst the scanner test judged; null until one came. */
export function judgeScanner(reading: Reading | null): PreflightResult {
  if (!reading) {
    return {
      status: 'warn',
      detail: 'Pemindai belum diuji.',
      advice: 'Tekan "Mulai uji pemindai", lalu pindai sebuah kartu QR NIP.',
    }
  }
  if ('refused' in reading) {
    return {
      status: 'fail',
      detail: reading.refused,
      advice: `Pastikan pemindai tersambung dalam mode papan ketik (USB HID). ${SUFFIX_ADVICE}`,
    }
  }
  const { times, suffix } = reading.burst
  const speed =
    times.length < 2 ? 'satu tombol' : `rata-rata ${Math.round(averageGapMs(times))} ms per tombol`
  const ending = suffix ? `akhiran ${suffix}` : 'tanpa akhiran'
  const figures = `${speed}, ${ending}`
  if (!reading.result.ok) {
    return {
      status: 'warn',
      detail: `Pemindai mengirim kode (${figures}), tetapi bukan NIP: ${reading.result.reason}.`,
      advice: 'Pindai kartu QR NIP ASN untuk menguji.',
    }
  }
  const detail = `Pemindai terbaca: NIP ${formatNip(reading.result.nip)} (${figures}).`
  if (!suffix) {
    return {
      status: 'warn',
      detail: `${detail} Tanpa akhiran, kiosk menunggu jeda sesudah kode dan pemindai yang lambat tidak terbaca.`,
      advice: SUFFIX_ADVICE,
    }
  }
  return { status: 'ok', detail, advice: null }
}

/** What the officer answered after the sounds played; `playable` false: no audio device at all. */
export function judgeSound(heard: boolean | null, playable: boolean): PreflightResult {
  if (!playable) {
    return {
      status: 'fail',
      detail: 'Laptop tidak dapat memutar suara (tidak ada perangkat suara).',
      advice:
        'Sambungkan speaker atau periksa perangkat suara; tanpa suara petugas harus melihat layar untuk setiap pindaian.',
    }
  }
  if (heard === null) {
    return {
      status: 'warn',
      detail: 'Bunyi belum diuji.',
      advice: 'Putar bunyinya, lalu jawab apakah terdengar dari tempat petugas berdiri.',
    }
  }
  if (!heard) {
    return {
      status: 'fail',
      detail: 'Petugas tidak mendengar bunyi hasil pindaian.',
      advice:
        'Naikkan volume, matikan mode bisu, atau sambungkan speaker, lalu uji lagi; tanpa suara petugas harus melihat layar untuk setiap pindaian.',
    }
  }
  return { status: 'ok', detail: 'Bunyi hasil pindaian terdengar.', advice: null }
}
