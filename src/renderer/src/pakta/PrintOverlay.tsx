import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'

/**
 * A printable sheet over the whole window, with its toolbar: the card sheet's print rules
 * (styles.css, `.cards-print`) hide everything else, so the print dialog (or "Simpan sebagai
 * PDF") gets only the A4 pages.
 */
export function PrintOverlay({
  label,
  title,
  summary,
  nav,
  ready = true,
  onClose,
  children,
}: {
  label: string
  title: string
  summary: ReactNode
  /** Between the heading and the buttons: which part of a long job this is. */
  nav?: ReactNode
  ready?: boolean
  onClose: () => void
  children: ReactNode
}) {
  return createPortal(
    <div className="cards-print" role="dialog" aria-label={label}>
      <div className="cards-toolbar">
        <div className="cards-heading">
          <h2>{title}</h2>
          <span className="muted" data-testid="print-summary">
            {summary}
          </span>
        </div>
        {nav}
        <div className="actions">
          <button className="primary" disabled={!ready} onClick={() => window.print()}>
            Cetak…
          </button>
          <button onClick={onClose}>Tutup</button>
        </div>
      </div>
      <div className="cards-sheet">{children}</div>
    </div>,
    document.body,
  )
}
