/**
 * How people read and compare a kiosk's key and a file's signature: short, upper case, in
 * groups of four. Both come from a SHA-256 in hex computed in main; this only formats, so the
 * renderer shows exactly what the printed sheet and the verifier print.
 */
const groups = (hex: string, count: number) =>
  Array.from({ length: count }, (_, i) => hex.slice(i * 4, i * 4 + 4)).join('-')

/** "KIOSK-7F3A · 91C2-4B0E-A1B2-C3D4": 80 bits of the public key's SHA-256. */
export function formatFingerprint(sha256Hex: string): string {
  const hex = sha256Hex.toUpperCase()
  return `KIOSK-${hex.slice(0, 4)} · ${groups(hex.slice(4), 4)}`
}

/** "7F3A-91C2-4B0E": 48 bits of a signature's SHA-256, printed in the daftar hadir's footer. */
export function formatVerificationCode(sha256Hex: string): string {
  return groups(sha256Hex.toUpperCase(), 3)
}
