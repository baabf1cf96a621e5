import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { INSTALLATION_FILE, installationId } from '../../src/main/installation'
import { applyRoster } from '../../src/main/roster/repository'
import { shortKioskId } from '../../src/shared/kiosk-id'
import { addCeremony } from '../fixtures/ceremony'
import { testContext } from '../fixtures/context'
import { rosterRow } from '../fixtures/roster-row'
import { tempDb, tempDir } from '../fixtures/temp-db'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
function folder(): string {
  const d = tempDir('kiosk-install-')
  dirs.push(d)
  return d
}

describe('the installation id', () => {
  it('is 128 random bits, made once per data folder and kept across starts', () => {
    const dir = folder()
    const id = installationId(dir)
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(installationId(dir)).toBe(id)
    expect(installationId(folder())).not.toBe(id)
    // Only the file itself stays behind: no temporary names.
    expect(fs.readdirSync(dir)).toEqual([INSTALLATION_FILE])
    expect(shortKioskId(id)).toBe(`KIOSK-${id.slice(0, 8).toUpperCase()}`)
  })

  it('is the same for every process that starts at once on a fresh folder', async () => {
    const dir = folder()
    const starter = path.resolve(__dirname, '../fixtures/installation-starter.ts')
    const ids = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', starter, dir])
            let out = ''
            child.stdout.on('data', (d: Buffer) => (out += d))
            child.on('exit', (code) =>
              code === 0 ? resolve(out) : reject(new Error(`exit ${code}`)),
            )
          }),
      ),
    )
    expect(new Set(ids).size).toBe(1)
    expect(ids[0]).toBe(installationId(dir))
  }, 30_000)

  it('moves a damaged file aside instead of overwriting it', () => {
    const dir = folder()
    fs.writeFileSync(path.join(dir, INSTALLATION_FILE), '{"id": "tidak')
    const id = installationId(dir, new Date('2024-09-30T01:02:03Z'))
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    const aside = path.join(dir, `${INSTALLATION_FILE}.rusak-2024-09-30T01-02-03-000Z`)
    expect(fs.readFileSync(aside, 'utf8')).toBe('{"id": "tidak')
  })

  it('tells apart two laptops recording into copies of one database file', async () => {
    const t = tempDb()
    dirs.push(t.dir)
    const nips = ['197405021993111001', '198001152005012002']
    applyRoster(
      t.db,
      nips.map((nip, i) => rosterRow(nip, `Pegawai ${i}`, 'Inspektorat', i + 2)),
      new Date(),
    )
    addCeremony(t.db, { name: 'Apel' })
    const laptops = [folder(), folder()].map((dir) =>
      createHandlers(
        testContext({
          db: t.db,
          dbPath: t.file,
          kioskId: installationId(dir),
          now: () => new Date(),
        }),
      ),
    )
    for (const [i, handlers] of laptops.entries()) {
      await invoke(handlers, 'checkin.scan', { payload: nips[i], source: 'kamera' })
    }
    const ids = t.db.prepare('SELECT DISTINCT kiosk_id FROM checkin').pluck().all()
    expect(ids).toHaveLength(2)
    t.db.close()
  })
})
