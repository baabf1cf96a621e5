/**
 * Whether the kiosk locks the laptop down, and whether it starts at login: pure rules, so they
 * are tested without Electron. The shell (index.ts, kiosk-window.ts) applies what they decide.
 */

/** `npm start -- --kiosk` (or the flag on the installed app's shortcut) forces kiosk mode on. */
export const KIOSK_FLAG = '--kiosk'

export interface LaunchFacts {
  /** Installed (electron-builder's package) rather than run from source. */
  packaged: boolean
  argv: readonly string[]
}

/**
 * Kiosk mode (full screen, no menu, blocked shortcuts, no devtools, closes only after the
 * officer leaves it): the flag forces it on; otherwise the officer's setting decides; with
 * no setting yet, an installed app is locked down and a run from source is not.
 */
export function kioskModeFor({
  packaged,
  argv,
  setting,
}: LaunchFacts & { setting: boolean | null }): boolean {
  if (argv.includes(KIOSK_FLAG)) return true
  return setting ?? packaged
}

/** What Electron's app.setLoginItemSettings is given: the program is the app's own executable. */
export interface LoginItem {
  openAtLogin: boolean
  args: string[]
}

/**
 * Start at login, where it means something: the installed app on Windows or macOS (Electron
 * supports neither Linux nor a run from source, whose executable is Electron itself). A kiosk
 * started on a database elsewhere (`--db=` on a USB stick) starts at login on the same one,
 * and in kiosk mode when it was forced now. Off unless the officer turned it on.
 */
export function loginItemFor({
  packaged,
  argv,
  platform,
  setting,
}: LaunchFacts & { platform: string; setting: boolean | null }): LoginItem | null {
  if (!packaged || (platform !== 'win32' && platform !== 'darwin')) return null
  const args = argv.filter((a) => a.startsWith('--db=') || a === KIOSK_FLAG)
  return { openAtLogin: setting ?? false, args }
}
