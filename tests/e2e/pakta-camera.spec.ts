import path from 'node:path'
import { issueForms } from '../../src/main/pakta/forms'
import { encodeForm } from '../../src/main/pakta/payload'
import { writeQrVideoOnce } from '../fixtures/qr-video'
import { fakeCameraLaunch } from './browser'
import { expect, test } from './fixtures'
import { GENERATED } from './global-setup'
import { KNOWN_SECRET, SIGNERS, seedPakta } from './pakta-people'

/**
 * Budi's returned form in front of the camera: in a fresh database under the known secret,
 * the ceremony is 1 and the forms print Rina, Siti, Budi as 1, 2, 3.
 */
const BUDI = SIGNERS[2]
const BUDI_FORM = encodeForm({ ceremonyId: 1, formId: 3, nip: BUDI.nip }, KNOWN_SECRET)
const VIDEO = path.join(GENERATED, 'pakta-kembali.y4m')
// Written as the spec loads, before the browser that plays it starts.
writeQrVideoOnce(VIDEO, [
  { text: BUDI_FORM, frames: 15 },
  { text: null, frames: 10 },
])
test.use({ launchOptions: fakeCameraLaunch(VIDEO) })

test('a returned form held to the camera in "Pakta diterima" mode is counted once', async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  const { ceremonyId } = seedPakta(db, { knownSecret: true })
  const { forms } = issueForms(db, new Date(), {
    ceremonyId,
    employeeId: null,
    opdId: null,
    query: '',
    only: 'semua',
  })
  // The video holds exactly the code this database printed on Budi's form.
  expect(forms.find((f) => f.nip === BUDI.nip)?.payload).toBe(BUDI_FORM)

  await page.reload()
  // The kiosk opens on the gate, whose camera starts at once: leaving before it is live makes
  // Chromium log an interrupted play() (the gate's own race, not the pakta's).
  await expect(page.locator('.camera-frame')).toHaveAttribute('data-live', 'true')
  await page.getByRole('button', { name: 'Pakta', exact: true }).click()
  await page.getByLabel('Nama petugas penerima').fill('Rina (BKPSDM)')
  await page.getByRole('button', { name: 'Mulai menerima pakta' }).click()
  const outcome = page.getByTestId('outcome')
  await expect(outcome).toHaveAttribute('data-kind', 'pakta-received', { timeout: 20_000 })
  await expect(outcome).toContainText(BUDI.name)
  await expect(page.getByTestId('pakta-total')).toContainText('1 dari 3 ASN')
  expect(db.prepare('SELECT nip, source FROM pakta_receipt').all()).toEqual([
    { nip: BUDI.nip, source: 'kamera' },
  ])
  // The video loops: the same form again, past the camera's 4-second repeat window, is
  // "sudah diterima", and still one receipt.
  await expect(outcome).toHaveAttribute('data-kind', 'pakta-duplicate', { timeout: 30_000 })
  expect(db.prepare('SELECT count(*) FROM pakta_receipt').pluck().get()).toBe(1)
  expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)
})
