import type { ReactNode } from 'react'
import type { PreflightResult, PreflightStatus } from '../../../shared/contract/preflight'

/** Colour is never alone: each state has its word and its mark (styles.css, `.preflight-*`). */
export const STATUS_WORDS: Record<PreflightStatus, { word: string; mark: string }> = {
  ok: { word: 'Siap', mark: '✓' },
  warn: { word: 'Periksa', mark: '!' },
  fail: { word: 'Bermasalah', mark: '×' },
}

/**
 * One item of "Uji perangkat": its state (green, amber, red, or still checking), what was found,
 * what to do, and its own buttons (Ulangi, and whatever the item needs) and content.
 */
export function PreflightItemView({
  id,
  title,
  result,
  actions,
  children,
}: {
  id: string
  title: string
  /** null: being checked. */
  result: PreflightResult | null
  actions?: ReactNode
  children?: ReactNode
}) {
  const state = result?.status ?? 'pending'
  const words = result ? STATUS_WORDS[result.status] : { word: 'Memeriksa…', mark: '…' }
  return (
    <li
      className={`card preflight-item preflight-${state}`}
      data-testid={`preflight-${id}`}
      data-status={state}
      aria-label={title}
    >
      <div className="preflight-state" aria-hidden="true">
        <span className="preflight-mark">{words.mark}</span>
      </div>
      <div className="preflight-body">
        <h3>
          {title}: <span className="preflight-word">{words.word}</span>
        </h3>
        {result && (
          <p className="preflight-detail" data-testid={`preflight-${id}-detail`}>
            {result.detail}
          </p>
        )}
        {result?.advice && (
          <p className="preflight-advice" data-testid={`preflight-${id}-advice`}>
            {result.advice}
          </p>
        )}
        {children}
        {actions && <div className="actions">{actions}</div>}
      </div>
    </li>
  )
}
