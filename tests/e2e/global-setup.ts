import fs from 'node:fs'
import path from 'node:path'
import { FRAME_SIZES, hardCases, queueSegments, type Pace } from '../fixtures/crowd'
import { writeQrVideoOnce } from '../fixtures/qr-video'
import { BUDI, NOT_A_NIP, SITI, STRANGER } from './people'

export const GENERATED = path.resolve(__dirname, '../.generated')
/** A queue at the gate: two staff, a stranger, a promo code, each shown ~1.2 s, then empty scene. */
export const QUEUE_VIDEO = path.join(GENERATED, 'antrean.y4m')

/** People per hard case: one miss in 50 is the 98% the gate needs. */
export const PER_CASE = 50
/** Two people a second, brisker than a real queue: each code in view for 0.4 s, then 0.1 s of empty scene. */
export const HARD_PACE: Pace = { codeFrames: 4, gapFrames: 1 }
export const HARD_FPS = 10

export function hardVideo(size: { width: number; height: number }): string {
  return path.join(GENERATED, `sulit-${size.width}x${size.height}.y4m`)
}

/** The tests load the production renderer bundle; `npm run e2e` builds it first. */
export default function globalSetup(): void {
  const index = path.resolve(__dirname, '../../out/renderer/index.html')
  if (!fs.existsSync(index)) {
    throw new Error(`${index} belum ada: jalankan "npm run build" dulu (npm run e2e melakukannya).`)
  }
  const gap = { text: null, frames: 6 }
  writeQrVideoOnce(QUEUE_VIDEO, [
    { text: BUDI.nip, frames: 12 },
    gap,
    {
      text: `NIP. ${SITI.nip.slice(0, 8)} ${SITI.nip.slice(8, 14)} ${SITI.nip[14]} ${SITI.nip.slice(15)}`,
      frames: 12,
    },
    gap,
    { text: `https://simpeg.contoh.go.id/verifikasi?nip=${STRANGER}`, frames: 12 },
    gap,
    { text: NOT_A_NIP, frames: 12 },
    gap,
  ])
  for (const size of FRAME_SIZES) {
    writeQrVideoOnce(hardVideo(size), queueSegments(hardCases(PER_CASE), HARD_PACE), {
      ...size,
      fps: HARD_FPS,
    })
  }
}
