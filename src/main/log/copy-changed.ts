import type { Db } from '../db/connection'
import { appendEntry, kioskOf, sha256Hex } from './append'
import { canonicalJson, type CanonicalValue } from './canonical'

/** A ceremony's own copy of a text (ikrar or pakta), as both repositories hold it. */
interface Copy {
  ceremonyId: number
  templateId: string
  updatedAt: string | null
}

/**
 * SHA-256 of the copy's text fields in canonical form: every field but the ceremony, the
 * template and the save time (docs/log-format.md names them), so the same words give the same
 * digest whenever and from whichever template they were saved.
 */
export function copyTextSha256(copy: Copy): string {
  const { ceremonyId: _c, templateId: _t, updatedAt: _u, ...text } = copy
  return sha256Hex(canonicalJson(text as unknown as CanonicalValue))
}

/**
 * Logs an edit of a ceremony's ikrar or pakta copy inside the caller's transaction, unless it
 * changed neither the words nor the template (a save of the same text is no fact).
 */
export function logCopyChanged(
  db: Db,
  kind: 'ikrar.changed' | 'pakta.changed',
  now: Date,
  before: Copy,
  after: Copy,
): void {
  const previousTextSha256 = copyTextSha256(before)
  const textSha256 = copyTextSha256(after)
  if (previousTextSha256 === textSha256 && before.templateId === after.templateId) return
  appendEntry(db, {
    kind,
    at: now.toISOString(),
    kioskId: kioskOf(db),
    body: {
      ceremonyId: after.ceremonyId,
      templateId: after.templateId,
      previousTemplateId: before.templateId,
      previousTextSha256,
      textSha256,
    },
  })
}
