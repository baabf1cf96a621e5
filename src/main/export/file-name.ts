/** Characters Windows refuses in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>"?*\u0000-\u001f\u007f]/g
const SEPARATORS = /[/\\|:]/g
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
/** Leaves room for the folder on a 260-character Windows path. */
const MAX_BASE = 120

/**
 * A file name any Windows, macOS or Linux folder (or a FAT USB stick) accepts, still readable:
 * "Dinas Pendidikan/Kebudayaan" becomes "Dinas Pendidikan-Kebudayaan".
 */
export function safeFileName(base: string, ext: string): string {
  let name = base.replace(SEPARATORS, '-').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim()
  name = Array.from(name).slice(0, MAX_BASE).join('')
  // Windows drops a trailing dot or space silently, so two names could end up as one file.
  name = name.replace(/[. ]+$/, '')
  if (name === '') name = 'Tanpa Nama'
  if (RESERVED.test(name)) name = `_${name}`
  return `${name}${ext}`
}

/** Gives the second of two equal names " (2)", and so on; Windows compares names ignoring case. */
export function uniqueNames(names: readonly string[], ext: string): string[] {
  const seen = new Set<string>()
  return names.map((base) => {
    let name = safeFileName(base, ext)
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = safeFileName(`${base} (${n})`, ext)
    seen.add(name.toLowerCase())
    return name
  })
}
