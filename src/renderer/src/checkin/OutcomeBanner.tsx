import type { ReactNode } from 'react'
import type { TimeZoneId } from '../../../shared/time'
import { describeOutcome, type OutcomeLook, type ShownOutcome } from './outcome'
import { RegisterButton, registrableNip } from './RegisterButton'

type IconName = OutcomeLook | 'ready'

/**
 * One silhouette per outcome (circle, clock, two ticks, diamond, octagon, triangle, calendar,
 * crossed disk, viewfinder): told apart without colour, at a glance.
 */
const ICONS: Record<IconName, ReactNode> = {
  ready: <path d="M6 18V6h12M42 6h12v12M54 42v12H42M18 54H6V42M20 20h20v20H20z" />,
  recorded: (
    <>
      <circle cx="30" cy="30" r="25" />
      <path d="M17 31l9 9 17-19" />
    </>
  ),
  late: (
    <>
      <circle cx="30" cy="33" r="22" />
      <path d="M30 20v14l9 6M22 5h16M30 5v6" />
    </>
  ),
  duplicate: (
    <>
      <rect x="5" y="5" width="50" height="50" rx="8" />
      <path d="M12 31l7 7 13-15M28 38l15-17" />
    </>
  ),
  unknown: (
    <>
      <path d="M30 3l27 27-27 27L3 30z" />
      <path d="M23 24a7 7 0 1 1 10 6c-2 1-3 3-3 5v2M30 43v2" />
    </>
  ),
  refused: (
    <>
      <path d="M20 4h20l16 16v20L40 56H20L4 40V20z" />
      <path d="M17 30h26" />
    </>
  ),
  invalid: (
    <>
      <path d="M30 4l27 50H3z" />
      <path d="M30 22v16M30 45v2" />
    </>
  ),
  'no-ceremony': (
    <>
      <rect x="5" y="10" width="50" height="45" rx="4" />
      <path d="M5 22h50M18 4v12M42 4v12M22 32l16 16M38 32L22 48" />
    </>
  ),
  // A sheet with its corner folded and a tick: a signed form taken in.
  pakta: (
    <>
      <path d="M12 4h26l12 12v40H12z" />
      <path d="M38 4v12h12M20 36l7 7 14-15" />
    </>
  ),
  failed: (
    <>
      <ellipse cx="30" cy="13" rx="22" ry="8" />
      <path d="M8 13v34c0 4 10 8 22 8s22-4 22-8V13M22 28l16 16M38 28L22 44" />
    </>
  ),
}

/** Names longer than this (titles and degrees included) are set smaller to show more of them. */
const LONG_NAME = 34

function OutcomeIcon({ name }: { name: IconName }) {
  return (
    <svg className="outcome-icon" viewBox="0 0 60 60" aria-hidden data-icon={name}>
      {ICONS[name]}
    </svg>
  )
}

/**
 * The big panel an arriving ASN reads from two metres; "ready" when nothing is being shown.
 * `children`: actions offered on the outcome (another screen's buttons go here).
 */
export function OutcomeBanner({
  outcome,
  zone,
  ceremony,
  children,
  ready = 'Tunjukkan QR NIP ke kamera',
}: {
  outcome: ShownOutcome | null
  zone: TimeZoneId
  ceremony: string
  children?: ReactNode
  /** What the idle banner asks for (another mode asks for another code). */
  ready?: string
}) {
  if (!outcome) {
    return (
      <div className="outcome outcome-ready" data-testid="outcome" data-kind="ready" role="status">
        <OutcomeIcon name="ready" />
        <div className="outcome-text">
          <div className="outcome-title">SIAP MEMINDAI</div>
          <div className="outcome-detail">
            {ready} · {ceremony}
          </div>
        </div>
      </div>
    )
  }
  const view = describeOutcome(outcome, zone)
  const register = registrableNip(outcome)
  return (
    <div
      className={`outcome outcome-${view.look}`}
      data-testid="outcome"
      data-kind={outcome.kind}
      data-look={view.look}
      role="status"
    >
      <OutcomeIcon name={view.look} />
      <div className="outcome-text">
        <div className="outcome-title">
          {view.title}
          {view.where && <span className="outcome-where"> {view.where}</span>}
        </div>
        {(view.name || view.nip) && (
          <div className="outcome-who">
            {view.name && (
              <span className={view.name.length > LONG_NAME ? 'outcome-name long' : 'outcome-name'}>
                {view.name}
              </span>
            )}
            {view.nip && <span className="outcome-nip mono">{view.nip}</span>}
          </div>
        )}
        <div className="outcome-detail">{view.detail}</div>
        {(children || register) && (
          <div className="outcome-actions">
            {children}
            {register && <RegisterButton nip={register} />}
          </div>
        )}
      </div>
    </div>
  )
}
