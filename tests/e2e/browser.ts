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

/** Without the background-networking flags Chromium keeps calling out into a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
]

/** Launch options for a browser whose camera plays `video` (a .y4m) in a loop. */
export function fakeCameraLaunch(video: string) {
  return {
    executablePath: chromiumPath(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  }
}
