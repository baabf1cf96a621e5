import { memo, useMemo, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { MAX_CARDS_PER_PRINT, type CardHolder } from '../../../shared/domain'
import { formatCount } from '../../../shared/format'
import { formatNip, INTERNAL_ID } from '../../../shared/nip'
import type { CardIdentity } from '../../../shared/contract/roster'
import { api } from '../api'
import { useAction, useKiosk } from '../data/query'
import { chunks } from './chunks'
import { PartNav } from './PartNav'
import { QUIET_ZONE } from './qr-path'
import { useCardPages, type PreparedCard } from './useCardPages'

interface Props {
  /** Whom the sheet is for, as the officer chose it ("Dinas Sosial, belum punya kartu"). */
  title: string
  holders: readonly CardHolder[]
  onClose: () => void
}

/**
 * The printable card sheet over the whole window; the print rules hide everything else, so
 * `window.print()` (and "Simpan sebagai PDF" in its dialog) gets only the A4 pages. More
 * cards than one print job holds are split into parts, printed one after another. Marking
 * them printed is a `roster.changed` from main: the roster list behind follows by itself.
 */
export function CardSheet({ title, holders, onClose }: Props) {
  const parts = useMemo(() => chunks(holders, MAX_CARDS_PER_PRINT), [holders])
  const [part, setPart] = useState(0)
  const [markedParts, setMarkedParts] = useState<ReadonlySet<number>>(new Set())
  const nav = (
    <PartNav
      part={part}
      parts={parts}
      size={MAX_CARDS_PER_PRINT}
      noun="kartu"
      testId="cards-part"
      onPart={setPart}
    >
      {markedParts.has(part) && ' (sudah ditandai)'}
    </PartNav>
  )
  return createPortal(
    <div className="cards-print" role="dialog" aria-label="Cetak kartu QR">
      <PartSheet
        key={part}
        title={title}
        holders={parts[part] ?? []}
        nav={nav}
        onClose={onClose}
        onMarked={() => setMarkedParts(new Set(markedParts).add(part))}
      />
    </div>,
    document.body,
  )
}

interface PartProps extends Omit<Props, 'holders'> {
  holders: CardHolder[]
  nav: ReactNode
  onMarked: () => void
}

/** One print job: its pages as they are prepared, the print button, then the question. */
function PartSheet({ title, holders, nav, onClose, onMarked }: PartProps) {
  const { pages, total } = useCardPages(holders)
  const identity = useKiosk('roster.cardIdentity').data
  const [asking, setAsking] = useState(false)
  const action = useAction()
  const busy = action.busy
  const ready = pages.length === total

  const print = () => {
    action.say(null)
    window.print()
    // The print dialog tells the page nothing (printed, saved as PDF, cancelled, jammed):
    // only the officer holding the sheet can say the cards came out.
    setAsking(true)
  }
  const mark = () =>
    action.run(async () => {
      const { marked } = await api('roster.markCardsPrinted', { ids: holders.map((h) => h.id) })
      setAsking(false)
      onMarked()
      return `${formatCount(marked)} kartu ditandai sudah dicetak.`
    })

  return (
    <>
      <div className="cards-toolbar">
        <div className="cards-heading">
          <h2>Kartu QR: {title}</h2>
          <span className="muted" data-testid="cards-summary">
            {formatCount(holders.length)} kartu · {formatCount(total)} halaman A4
            {!ready &&
              ` · menyiapkan halaman ${formatCount(pages.length)} dari ${formatCount(total)}…`}
          </span>
        </div>
        {nav}
        <div className="actions">
          <button className="primary" disabled={!ready || busy} onClick={print}>
            Cetak…
          </button>
          <button onClick={onClose}>Tutup</button>
        </div>
        {asking && (
          <div className="cards-confirm" role="group" aria-label="Konfirmasi cetak">
            <span>Semua kartu sudah keluar dari printer dengan baik?</span>
            <button className="primary" disabled={busy} onClick={mark}>
              Ya, tandai {formatCount(holders.length)} kartu sudah dicetak
            </button>
            <button disabled={busy} onClick={() => setAsking(false)}>
              Belum, jangan ditandai
            </button>
          </div>
        )}
        {action.notice}
      </div>
      <div className="cards-sheet">
        {pages.map((cards, i) => (
          <CardPage key={i} cards={cards} identity={identity} />
        ))}
      </div>
    </>
  )
}

/** One A4 page; memoised so that preparing page 200 does not redraw pages 1 to 199. */
const CardPage = memo(function CardPage({
  cards,
  identity,
}: {
  cards: PreparedCard[]
  identity: CardIdentity | undefined
}) {
  return (
    <section className="cards-page">
      {cards.map((c) => (
        <QrCard key={c.id} card={c} identity={identity} />
      ))}
    </section>
  )
})

function QrCard({ card, identity }: { card: PreparedCard; identity: CardIdentity | undefined }) {
  const side = card.qr.size + 2 * QUIET_ZONE
  const internal = INTERNAL_ID.test(card.nip)
  return (
    <article className="cards-card" data-testid="qr-card" data-nip={card.nip}>
      <header className="cards-title">
        {identity?.logo && <img className="cards-logo" src={identity.logo} alt="" />}
        <span>
          {identity?.instansi && <span className="cards-instansi">{identity.instansi}</span>}
          Kartu Kehadiran Apel
        </span>
      </header>
      <div className="cards-body">
        <svg
          className="cards-qr"
          viewBox={`0 0 ${side} ${side}`}
          shapeRendering="crispEdges"
          role="img"
          aria-label={`QR ${card.nip}`}
        >
          <rect width={side} height={side} fill="#fff" />
          <path d={card.qr.d} transform={`translate(${QUIET_ZONE} ${QUIET_ZONE})`} fill="#000" />
        </svg>
        <div className="cards-text">
          <p className="cards-name">{card.name}</p>
          <p className="cards-label">{internal ? 'ID non-ASN' : 'NIP'}</p>
          <p className="cards-nip">{formatNip(card.nip)}</p>
          <p className="cards-opd">{card.opdName}</p>
        </div>
      </div>
    </article>
  )
}
