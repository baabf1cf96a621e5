import { networkOf } from '../../src/main/ipc/hub'
import { expect, openKiosk, test } from './fixtures'
import { seedGate, SITI } from './people'
import { scanWithKeyboardScanner } from './scanner'
import { chooseRole, hubModeOn } from './hub-steps'

test('a gate paired by typed code keeps recording while the hub is off, shows "belum terkirim", and catches up by itself', async ({
  kiosk: hub,
  browser,
  rendererUrl,
}) => {
  const { page } = hub
  seedGate(hub.db, { people: [SITI] })
  await page.reload()
  await hubModeOn(page)
  const code = (await page.getByTestId('pairing-code').textContent())!
  const [address, port] = (await page.getByTestId('hub-address').textContent())!.split(':')

  // Short pusher waits: the catch-up is seen within the test's time.
  const gateKiosk = await openKiosk(await (await browser.newContext()).newPage(), rendererUrl, {
    pusher: { heartbeatMs: 500, backoffMinMs: 200, backoffMaxMs: 1_000, requestTimeoutMs: 2_000 },
  })
  try {
    const gate = gateKiosk.kiosk.page
    await chooseRole(gate, /Kiosk gerbang/, 'Buka layar kiosk gerbang')
    const form = gate.getByRole('form', { name: 'Ketik alamat dan kode' })
    await form.getByLabel('Alamat kiosk induk').fill(address!)
    await form.getByLabel('Port').fill(port!)
    // A wrong code is refused in Indonesian, and nothing is paired.
    await form.getByLabel('Kode pasangan').fill('ZZZZ-ZZZZ')
    await form.getByRole('button', { name: 'Sambungkan' }).click()
    await expect(gate.getByRole('alert')).toBeVisible()
    await expect(gate.getByRole('heading', { name: 'Sambungkan ke kiosk induk' })).toBeVisible()

    await form.getByLabel('Kode pasangan').fill(code)
    await form.getByRole('button', { name: 'Sambungkan' }).click()
    await expect(gate.getByText('Tersambung ke kiosk induk sebagai Gerbang 1')).toBeVisible()

    // The hub goes off: the gate records Siti on its own disk and says what is not sent.
    await page.getByRole('button', { name: 'Matikan mode induk' }).click()
    await expect(page.getByTestId('hub-listening')).toHaveText('Mati')
    await gate.getByRole('button', { name: 'Kehadiran', exact: true }).click()
    await scanWithKeyboardScanner(gate, SITI.nip)
    await expect(gate.getByTestId('outcome')).toHaveAttribute('data-kind', 'recorded')
    const badge = gate.getByTestId('role-badge')
    await expect(badge).toContainText(/terputus · belum terkirim: [1-9]/, { timeout: 15_000 })
    expect(gateKiosk.kiosk.db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(1)

    // Back on the port the gate pinned: the gate sends by itself, nobody presses anything.
    await networkOf(hub.ctx).hub.start(address!, Number(port))
    await expect(badge).toHaveText('Gerbang 1tersambung', { timeout: 20_000 })
    await badge.click()
    await expect(gate.getByTestId('gate-backlog')).toHaveText('0')
    await expect(gate.getByTestId('gate-offset')).toHaveText('sama dengan kiosk induk')
    await expect(page.getByTestId('hub-total')).toHaveText('1 / 1')
    expect(gateKiosk.kiosk.errors, 'kesalahan di konsol gerbang').toEqual([])
  } finally {
    await gateKiosk.close()
  }
})
