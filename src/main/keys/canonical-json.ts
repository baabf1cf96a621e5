/**
 * JSON with object keys in code-point order and no whitespace, as UTF-8: the signed bytes of
 * the export manifest (docs/keaslian.md). Only what JSON.parse gives back is expected (strings,
 * finite numbers, booleans, null, arrays, plain objects).
 */
export function canonicalJson(value: unknown): Buffer {
  return Buffer.from(stringify(value), 'utf8')
}

function stringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stringify(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
