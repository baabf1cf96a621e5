/** Characters Windows refuses in a file name. */
const FORBIDDEN = /[<>"?*]/g
/** Control characters and line/paragraph separators: they break a name, so a space. */
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]/gu
/**
 * Format (Cf) characters, invisible or reordering text: U+202E RIGHT-TO-LEFT OVERRIDE (which
 * makes "xslx.exe" display as "exe.xlsx"), bidi marks and isolates, zero-width spaces and
 * joiners, the BOM, soft hyphens. Dropped, so the name reads as it displayed.
 */
const INVISIBLE = /\p{Cf}/gu
const SEPARATORS = /[/\\|:]/g
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
/** Leaves room for the folder on a 260-character Windows path. */
const MAX_BASE = 120

/** The text as it displays: no invisible or reordering characters, spaces collapsed. */
export function visibleText(text: string): string {
  return text.replace(BREAKS, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

/**
 * A file name any Windows, macOS or Linux folder (or a FAT USB stick) accepts, still readable:
 * "Dinas Pendidikan/Kebudayaan" becomes "Dinas Pendidikan-Kebudayaan". `suffix` (such as
 * " (2)") is kept whole: the base is cut to make room for it, never the suffix.
 */
export function safeFileName(base: string, ext: string, suffix = ''): string {
  let name = visibleText(base.replace(SEPARATORS, '-').replace(FORBIDDEN, ' '))
  name = Array.from(name)
    .slice(0, MAX_BASE - suffix.length)
    .join('')
  // Windows drops a trailing dot or space silently, so two names could end up as one file.
  name = name.replace(/[. ]+$/, '')
  if (name === '') name = 'Tanpa Nama'
  if (RESERVED.test(name)) name = `_${name}`
  return `${name}${suffix}${ext}`
}

/**
 * Gives the second of two equal names " (2)", and so on; Windows compares names ignoring case.
 * Ends by construction: the suffix is never cut off, and a name ending in " (n)" differs from
 * one ending in " (m)", so at most `names.length` numbers can be taken before a free one.
 */
export function uniqueNames(names: readonly string[], ext: string): string[] {
  const seen = new Set<string>()
  return names.map((base) => {
    let name = safeFileName(base, ext)
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = safeFileName(base, ext, ` (${n})`)
    seen.add(name.toLowerCase())
    return name
  })
}
