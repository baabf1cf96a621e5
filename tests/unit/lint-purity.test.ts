import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The real project config, run on small in-memory samples placed in each folder. */
const eslint = new ESLint({ cwd: process.cwd() })

async function purityErrors(filePath: string, code: string): Promise<string[]> {
  const results = await eslint.lintText(code, { filePath })
  return results
    .flatMap((r) => r.messages)
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => `${m.ruleId}: ${m.message}`)
}

const ELECTRON = "import { app } from 'electron'\nexport const a = app\n"
const NODE_PREFIXED = "import { randomUUID } from 'node:crypto'\nexport const r = randomUUID\n"
const NODE_BARE = "import { readFileSync } from 'fs'\nexport const r = readFileSync\n"
const NODE_SUBPATH = "import { readFile } from 'fs/promises'\nexport const r = readFile\n"
const PURE =
  "import { z } from 'zod'\nexport const n = z.string().max(new Map<string, number>().size)\n"

describe('purity rules by folder', () => {
  it('src/shared imports neither electron nor any Node builtin', async () => {
    for (const code of [ELECTRON, NODE_PREFIXED, NODE_BARE, NODE_SUBPATH]) {
      const errors = await purityErrors('src/shared/sample.ts', code)
      expect(errors, code).toHaveLength(1)
      expect(errors[0]).toMatch(/^no-restricted-imports: .*tidak boleh memakai/)
    }
    expect(await purityErrors('src/shared/contract/sample.ts', NODE_PREFIXED)).toHaveLength(1)
  })

  it('src/shared uses no browser and no Node globals, but the language builtins are fine', async () => {
    for (const name of ['window', 'document', 'localStorage', 'process', 'Buffer', '__dirname']) {
      const errors = await purityErrors('src/shared/sample.ts', `export const g = ${name}\n`)
      expect(errors, name).toEqual([
        `no-restricted-globals: Unexpected use of '${name}'. Kode bersama tidak boleh memakai global peramban atau Node.`,
      ])
    }
    expect(await purityErrors('src/shared/sample.ts', PURE)).toEqual([])
  })

  it('the renderer imports neither electron nor Node builtins, nor uses Node globals', async () => {
    for (const code of [ELECTRON, NODE_PREFIXED, NODE_BARE]) {
      expect(await purityErrors('src/renderer/src/sample.tsx', code), code).toHaveLength(1)
    }
    const process = await purityErrors('src/renderer/src/sample.ts', 'export const p = process\n')
    expect(process).toHaveLength(1)
    expect(await purityErrors('src/renderer/src/sample.ts', 'export const w = window\n')).toEqual(
      [],
    )
  })

  it('domain and db code may use Node but not electron; the shell may use electron', async () => {
    for (const file of [
      'src/main/checkin/sample.ts',
      'src/main/db/sample.ts',
      'src/main/ipc/sample.ts',
    ]) {
      expect(await purityErrors(file, ELECTRON), file).toHaveLength(1)
      expect(await purityErrors(file, NODE_PREFIXED), file).toEqual([])
    }
    for (const file of [
      'src/main/index.ts',
      'src/main/window/sample.ts',
      'src/main/ipc/register.ts',
      'src/preload/index.ts',
    ]) {
      expect(await purityErrors(file, ELECTRON), file).toEqual([])
    }
  })
})
