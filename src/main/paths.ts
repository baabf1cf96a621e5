import path from 'node:path'

/**
 * Where the database lives: `--db=PATH` on the command line, else KIOSK_DB, else the
 * user-data folder. The first two let the kiosk run from a USB stick and tests use a temp folder.
 */
export function resolveDbPath(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userDataDir: string,
): string {
  const flag = argv.find((a) => a.startsWith('--db='))
  const chosen = flag?.slice('--db='.length) || env.KIOSK_DB
  return path.resolve(chosen || path.join(userDataDir, 'kehadiran-apel.sqlite'))
}
