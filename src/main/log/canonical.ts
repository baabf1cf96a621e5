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

/** A refused value; `path` is filled in on the way out, so a valid value never builds one. */
class Refused extends Error {
  path = ''
}

function refuse(what: string): never {
  throw new Refused(what)
}

/** Adds one step of the path to a refusal passing through. */
function within(error: unknown, step: string): unknown {
  if (error instanceof Refused) error.path = step + error.path
  return error
}

function writeArray(value: readonly unknown[]): string {
  let out = '['
  for (let i = 0; i < value.length; i++) {
    try {
      out += (i > 0 ? ',' : '') + write(value[i])
    } catch (error) {
      throw within(error, `[${i}]`)
    }
  }
  return `${out}]`
}

function writeObject(value: Record<string, unknown>): string {
  // Keys in UTF-16 code unit order (JavaScript's default sort), as RFC 8785 does.
  const keys = Object.keys(value).sort()
  let out = '{'
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    try {
      out += `${i > 0 ? ',' : ''}${JSON.stringify(key)}:${write(value[key])}`
    } catch (error) {
      throw within(error, `.${key}`)
    }
  }
  return `${out}}`
}

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isSafeInteger(value)) refuse(`the number ${value}`)
      // -0 is written 0: some tools read "-0" back as another value.
      return value === 0 ? '0' : String(value)
    case 'object':
      if (value === null) return 'null'
      if (Array.isArray(value)) return writeArray(value)
      if (Object.getPrototypeOf(value) === Object.prototype)
        return writeObject(value as Record<string, unknown>)
      return refuse(`a ${value.constructor?.name ?? 'object'}`)
    default:
      return refuse(value === undefined ? 'undefined' : `a ${typeof value}`)
  }
}

/**
 * True when JSON.stringify already writes the canonical text of a value: plain data only, every
 * number a safe integer, every object's keys in canonical (sorted) order as it lists them. That
 * is every body read back from the log or from another kiosk's file (JSON.parse keeps the
 * order it was written in), and walking it costs a fraction of writing it key by key.
 */
function inCanonicalOrder(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isSafeInteger(value)
    case 'object': {
      if (value === null) return true
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i])) return false
        return true
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false
      const keys = Object.keys(value)
      for (let i = 0; i < keys.length; i++) {
        if (i > 0 && !(keys[i - 1]! < keys[i]!)) return false
        if (!inCanonicalOrder((value as Record<string, unknown>)[keys[i]!])) return false
      }
      return true
    }
    default:
      return false
  }
}

/**
 * The canonical JSON text of a value (docs/log-format.md): keys sorted, no whitespace, strings
 * escaped as JSON.stringify does. Refuses floats, undefined and anything that is not plain data,
 * rather than writing bytes another tool would write differently.
 */
export function canonicalJson(value: CanonicalValue): string {
  // JSON.stringify writes the same bytes (strings escaped alike, -0 as 0) when the order holds.
  if (inCanonicalOrder(value)) return JSON.stringify(value)
  try {
    return write(value)
  } catch (error) {
    if (!(error instanceof Refused)) throw error
    throw new TypeError(
      `canonical form: $${error.path} is ${error.message}; only strings, safe integers, booleans, null, arrays and objects are allowed`,
    )
  }
}
