import fs from 'node:fs'

/** Playwright cannot download its own browser here; Debian's chromium (or CHROMIUM_PATH) is used. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter(Boolean) as string[]
  const found = candidates.find((p) => fs.existsSync(p))
  if (!found) {
    throw new Error(
      `Chromium tidak ditemukan (dicari: ${candidates.join(', ')}). Pasang dengan "sudo apt-get install -y chromium" atau setel CHROMIUM_PATH.`,
    )
  }
  return found
}
