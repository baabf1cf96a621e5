import type { PreflightResult, PreflightStatus } from '../../shared/contract/preflight'

const RANK: Record<PreflightStatus, number> = { ok: 0, warn: 1, fail: 2 }

/** One thing a check found wrong: how bad, what it is, what to do. */
export interface Finding {
  status: Exclude<PreflightStatus, 'ok'>
  text: string
  advice: string
}

/**
 * An item made of several findings: as bad as its worst, every finding said after what was seen,
 * each piece of advice once.
 */
export function verdict(seen: string, findings: readonly Finding[]): PreflightResult {
  const status = findings.reduce<PreflightStatus>(
    (worst, f) => (RANK[f.status] > RANK[worst] ? f.status : worst),
    'ok',
  )
  const advice = [...new Set(findings.map((f) => f.advice))].join(' ')
  return {
    status,
    detail: [seen, ...findings.map((f) => f.text)].join(' '),
    advice: advice || null,
  }
}
