import { UserError } from './errors'

/**
 * What an officer can do about each file-system error, in Indonesian: the one place that
 * translates Node's (and SQLite's) error codes for export, backup and restore alike.
 */
const REASONS: Record<string, string> = {
  ENOSPC: 'penyimpanan penuh; kosongkan ruang atau pakai flashdisk lain',
  SQLITE_FULL: 'penyimpanan penuh; kosongkan ruang atau pakai flashdisk lain',
  EACCES: 'tidak ada izin menulis di sana; pilih folder lain',
  EPERM: 'tidak ada izin menulis di sana; pilih folder lain',
  EROFS: 'disk atau flashdisk itu hanya-baca (kunci tulisnya aktif?); pilih folder lain',
  SQLITE_READONLY: 'disk atau folder itu hanya-baca; pilih folder lain',
  ENOENT: 'folder tujuan tidak ditemukan; apakah flashdisk dicabut?',
  EBUSY: 'berkas sedang dipakai program lain (terbuka di Excel?); tutup dulu lalu ulangi',
  EMFILE: 'terlalu banyak berkas terbuka sekaligus; tutup program lain lalu ulangi',
  ENFILE: 'terlalu banyak berkas terbuka sekaligus; tutup program lain lalu ulangi',
  ENOTDIR: 'sebagian jalurnya adalah berkas, bukan folder; pilih folder lain',
  EEXIST: 'sudah ada berkas bernama sama di tempat yang seharusnya folder',
  EISDIR: 'sudah ada folder bernama sama; pindahkan atau ganti nama folder itu',
  ENOTEMPTY: 'sudah ada folder berisi bernama sama; pindahkan atau ganti nama folder itu',
  ENAMETOOLONG: 'nama atau jalurnya terlalu panjang; pilih folder yang lebih dekat ke akar disk',
  EIO: 'gagal membaca atau menulis disk atau flashdisk (rusak atau dicabut?)',
  SQLITE_IOERR: 'gagal membaca atau menulis disk atau flashdisk (rusak atau dicabut?)',
  SQLITE_CANTOPEN: 'berkas tidak dapat dibuka di sana; periksa folder, izin dan flashdisk',
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/** Whether the error came from the file system or SQLite's file layer (it carries a code). */
export function isFsError(error: unknown): boolean {
  return codeOf(error) !== ''
}

/** The reason for the officer; an unknown code is named, never an English message. */
export function fsReason(error: unknown): string {
  const code = codeOf(error)
  // SQLite's extended codes ("SQLITE_IOERR_WRITE") share their primary code's meaning.
  const reason = REASONS[code] ?? REASONS[code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')]
  return reason ?? `kesalahan sistem berkas${code ? ` (${code})` : ''}`
}

/**
 * "Gagal menyimpan berkas "Rekap.xlsx": penyimpanan penuh." `action` says what was being done
 * ("menyimpan berkas", "membuat folder"), `target` names the file or folder as the officer
 * knows it. An error that is already the officer's is passed on unchanged.
 */
export function fsError(
  code: string,
  error: unknown,
  action: string,
  target: string,
  /** A sentence that follows, such as what was kept. */
  after = '',
): UserError {
  if (error instanceof UserError) return error
  const message = `Gagal ${action} "${target}": ${fsReason(error)}.`
  return new UserError(code, after ? `${message} ${after}` : message)
}
