import type { Db } from '../../src/main/db/connection'
import { END_OF_QUEUE, hardCases, queueSegments } from '../fixtures/crowd'
import { fakeCameraLaunch } from './browser'
import { expect, test } from './fixtures'
import { HARD_FPS, HARD_PACE, hardVideo, PER_CASE } from './global-setup'
import { seedGate } from './people'

// Issue 7: codes as a gate sees them in real light, 50 people per case, through the real check-in
// screen. One spec file per frame size, because each needs its own browser and fake camera.
const cases = hardCases(PER_CASE)
const people = cases.flatMap(({ look, nips }) =>
  nips.map((nip) => ({ nip, name: `Peserta ${nip.slice(-6)}`, opd: `Dinas Uji ${look}` })),
)
const videoSeconds =
  queueSegments(cases, HARD_PACE).reduce((frames, s) => frames + s.frames, 0) / HARD_FPS

/** Live records made before the first pass of the looping video ended. */
function firstPass(db: Db): { nip: string; registered: number }[] {
  const end = db.prepare('SELECT id FROM checkin WHERE nip = ?').pluck().get(END_OF_QUEUE)
  return db
    .prepare(
      `SELECT nip, employee_id IS NOT NULL AS registered FROM checkin
       WHERE id < ? AND cancelled_at IS NULL AND source = 'kamera'`,
    )
    .all(end) as { nip: string; registered: number }[]
}

/** The whole queue of one frame size, in one browser whose camera plays it. */
export function hardFramesTest(size: { width: number; height: number }): void {
  test.use({ launchOptions: fakeCameraLaunch(hardVideo(size)) })

  test(`at ${size.width}x${size.height}, 98% of every hard case is recorded and empty frames record nothing`, async ({
    kiosk,
  }) => {
    test.setTimeout((videoSeconds * 2 + 30) * 1000)
    const { page, db } = kiosk
    seedGate(db, { people })
    await page.getByRole('button', { name: 'Kehadiran' }).click()
    // The gate is open. Not "ready": the camera plays codes from its first frame, so under load
    // the first arrival can be on screen before a check sees the empty banner (CI, twice).
    await expect(page.getByTestId('outcome')).toBeVisible()

    // The last code of the video, someone not on the roster, ends the first pass.
    await expect
      .poll(
        () => db.prepare('SELECT count(*) FROM checkin WHERE nip = ?').pluck().get(END_OF_QUEUE),
        {
          timeout: videoSeconds * 2 * 1000,
          intervals: [1000],
        },
      )
      .toBe(1)
    const recorded = firstPass(db)

    const hits = cases.map(({ look, nips }) => ({
      look,
      read: nips.filter((nip) => recorded.some((r) => r.nip === nip)).length,
    }))
    console.log(
      `${size.width}x${size.height}: ${hits.map((h) => `${h.look} ${h.read}/${PER_CASE}`).join(', ')}`,
    )
    for (const { look, read } of hits) {
      expect(read / PER_CASE, `${look}: ${read} dari ${PER_CASE} tercatat`).toBeGreaterThanOrEqual(
        0.98,
      )
    }
    // Nothing but the people shown was recorded: no empty frame, no misread, made a record.
    const shown = new Set(people.map((p) => p.nip))
    expect(recorded.filter((r) => !shown.has(r.nip) || !r.registered)).toEqual([])
  })
}
