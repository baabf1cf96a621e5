import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TEMP_FILE, createDurableSync, writeDurable } from '../../src/main/durable-file'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-'))
  dirs.push(dir)
  return dir
}

describe('the one durable-write helper', () => {
  it('writes through a temporary file named like TEMP_FILE in the same folder', async () => {
    const dir = folder()
    const target = path.join(dir, 'cadangan.sqlite')
    let seen = ''
    await writeDurable(target, async (temp) => {
      seen = temp
      await fs.promises.writeFile(temp, 'baru')
    })
    expect(path.dirname(seen)).toBe(dir)
    expect(TEMP_FILE.test(path.basename(seen))).toBe(true)
    expect(fs.readdirSync(dir)).toEqual(['cadangan.sqlite'])
    expect(fs.readFileSync(target, 'utf8')).toBe('baru')
  })

  it('passes the raw error on and leaves the old file and no temporary file', async () => {
    const dir = folder()
    const target = path.join(dir, 'a.json')
    fs.writeFileSync(target, 'lama')
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' })
    const failed = writeDurable(target, async (temp) => {
      await fs.promises.writeFile(temp, 'setengah')
      throw full
    })
    await expect(failed).rejects.toBe(full)
    expect(fs.readdirSync(dir)).toEqual(['a.json'])
    expect(fs.readFileSync(target, 'utf8')).toBe('lama')
  })

  it('publishes a file only once: a second writer keeps the first one', () => {
    const dir = folder()
    const target = path.join(dir, 'installation.json')
    expect(createDurableSync(target, 'pertama')).toBe(true)
    expect(createDurableSync(target, 'kedua')).toBe(false)
    expect(fs.readFileSync(target, 'utf8')).toBe('pertama')
    expect(fs.readdirSync(dir)).toEqual(['installation.json'])
  })
})
