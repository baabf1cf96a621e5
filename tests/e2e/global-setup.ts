import fs from 'node:fs'
import path from 'node:path'
import { writeQrVideo } from '../fixtures/qr-video'
import { BUDI, NOT_A_NIP, SITI, STRANGER } from './people'

export const GENERATED = path.resolve(__dirname, '../.generated')
/** A queue at the gate: two staff, a stranger, a promo code, each shown ~1.2 s, then empty scene. */
export const QUEUE_VIDEO = path.join(GENERATED, 'antrean.y4m')

/** The tests load the production renderer bundle; `npm run e2e` builds it first. */
export default function globalSetup(): void {
  const index = path.resolve(__dirname, '../../out/renderer/index.html')
  if (!fs.existsSync(index)) {
    throw new Error(`${index} belum ada: jalankan "npm run build" dulu (npm run e2e melakukannya).`)
  }
  const gap = { text: null, frames: 6 }
  writeQrVideo(QUEUE_VIDEO, [
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
}
