/**
 * A value the log can hold: JSON without floats, so every implementation writes the same bytes
 * for it (a float's shortest decimal form differs between languages; an integer's does not).
 */
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue }

function fail(path: string, what: string): never {
  throw new TypeError(
    `canonical form: ${path} is ${what}; only strings, safe integers, booleans, null, arrays and objects are allowed`,
  )
}

function write(value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push('null')
  } else if (typeof value === 'string' || typeof value === 'boolean') {
    out.push(JSON.stringify(value))
  } else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) fail(path, `the number ${value}`)
    // -0 would be written "0" by JSON but reads back as another value in some tools.
    out.push(Object.is(value, -0) ? '0' : String(value))
  } else if (Array.isArray(value)) {
    out.push('[')
    value.forEach((item, i) => {
      if (i > 0) out.push(',')
      write(item, `${path}[${i}]`, out)
    })
    out.push(']')
  } else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // Keys in UTF-16 code unit order (JavaScript's default sort), as RFC 8785 does.
    const keys = Object.keys(value).sort()
    out.push('{')
    keys.forEach((key, i) => {
      if (i > 0) out.push(',')
      out.push(JSON.stringify(key), ':')
      write((value as Record<string, unknown>)[key], `${path}.${key}`, out)
    })
    out.push('}')
  } else {
    fail(path, value === undefined ? 'undefined' : `a ${typeof value}`)
  }
}

/**
 * The canonical JSON text of a value (docs/log-format.md): keys sorted, no whitespace, strings
 * escaped as JSON.stringify does. Refuses floats, undefined and anything that is not plain data,
 * rather than writing bytes another tool would write differently.
 */
export function canonicalJson(value: CanonicalValue): string {
  const out: string[] = []
  write(value, '$', out)
  return out.join('')
}
