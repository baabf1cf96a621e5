import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import { api } from '../api'
import { useKiosk } from '../data/query'
import { GateHub } from './gate-hub'
import { KeyboardWedge, sourceOf } from './keyboard-wedge'
import type { ShownOutcome } from './outcome'
import { isEditingForm, isTextField, removeLeakedKeys } from './scan-target'
import { ScanOverlay, type OverlayItem } from './ScanOverlay'
import { RegisterDialog } from './RegisterDialog'
import { playOutcome, prepareSounds } from './sounds'

const Context = createContext<GateHub | null>(null)

export function useGateHub(): GateHub {
  const hub = useContext(Context)
  if (!hub) throw new Error('GateScanProvider is missing')
  return hub
}

/**
 * One scan queue and one barcode-scanner listener for the whole app. While a ceremony is
 * active (or the gate screen is open) a scanner burst is a check-in on any screen: the gate
 * screen shows it in its banner, any other screen in an overlay that fades. Where the officer
 * is editing a form (see scan-target.ts), the scan is refused with an overlay instead.
 * Nothing is dropped silently. The camera stays on the gate screen.
 */
export function GateScanProvider({
  activeCeremonyId,
  children,
}: {
  activeCeremonyId: number | null
  children: ReactNode
}) {
  // Follows main's `ceremony.changed`, so the zone is the active ceremony's whichever it is.
  const ceremonies = useKiosk('ceremony.list')
  const zone = ceremonies.data?.find((c) => c.active)?.timeZone ?? 'Asia/Jakarta'

  const [overlay, setOverlay] = useState<OverlayItem | null>(null)
  // Only the item whose time ran out: a newer one may have come in just before its timer ran.
  const hide = useCallback((seq: number) => setOverlay((o) => (o?.seq === seq ? null : o)), [])
  const [gateOpen, setGateOpen] = useState(false)
  const [registering, setRegistering] = useState<string | null>(null)
  const [diverted, setDiverted] = useState(false)
  const [hub] = useState(
    () =>
      new GateHub(
        (scan) =>
          api('checkin.scan', scan).catch((e: Error): ShownOutcome => ({
            kind: 'failed',
            reason: e.message,
          })),
        {
          unheard: (outcome) => {
            playOutcome(outcome.kind)
            setOverlay((o) => ({ outcome, seq: (o?.seq ?? 0) + 1 }))
          },
          onGateChange: setGateOpen,
          openRegister: setRegistering,
          onDivertChange: setDiverted,
        },
      ),
  )

  const listening = activeCeremonyId !== null || gateOpen || diverted
  // Scans heard on another screen beep too: the audio context is made once listening starts,
  // when the page is next idle (making it holds the page 50-190 ms), not by the first outcome,
  // whose sound would wait for it or be lost. On the gate screen CameraPanel makes it once its
  // camera is live. Electron plays audio without a user gesture (its default autoplay policy);
  // a context that starts suspended anyway is resumed by playOutcome.
  useEffect(() => {
    if (!listening || gateOpen) return
    const idle = requestIdleCallback(() => prepareSounds(), { timeout: 1000 })
    return () => cancelIdleCallback(idle)
  }, [listening, gateOpen])
  useEffect(() => {
    if (!listening) return
    const wedge = new KeyboardWedge((burst) => {
      const target = document.activeElement
      removeLeakedKeys(target, burst.leaked)
      if (hub.diversion) hub.diversion(burst)
      else if (!hub.gateOpen() && isEditingForm(target)) {
        playOutcome('invalid')
        setOverlay((o) => ({ refused: burst.code, seq: (o?.seq ?? 0) + 1 }))
      } else hub.push({ payload: burst.code, source: sourceOf(burst) })
    })
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return
      if (wedge.key(e.key, e.timeStamp, isTextField(document.activeElement))) {
        e.preventDefault()
        e.stopPropagation()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      wedge.dispose()
    }
  }, [listening, hub])

  return (
    <Context.Provider value={hub}>
      {children}
      {overlay && <ScanOverlay item={overlay} zone={zone} onDone={hide} />}
      {registering && (
        <RegisterDialog
          nip={registering}
          onRegistered={(arrival) =>
            arrival && hub.announce(arrival, { payload: registering, source: 'manual' })
          }
          onClose={() => setRegistering(null)}
        />
      )}
    </Context.Provider>
  )
}
