import { useEffect, useRef } from 'react'
import { stepCount, type ReadingMode } from '../../../shared/ikrar'
import { OfficerView } from './OfficerView'
import { ReadingView } from './ReadingView'
import { useReading } from './useReading'
import { useReadingKeys, type ReadingAction } from './useReadingKeys'

/**
 * The reading on the kiosk: full screen, or the officer's controls when a projector window
 * shows the text. The app shows it while main holds a reading, so it closes when the reading
 * ends here or in the other window.
 */
export function ReadingOverlay() {
  const { reading, error, move, setMode, end } = useReading()
  const root = useRef<HTMLDivElement>(null)

  useReadingKeys((action: ReadingAction) => (action === 'exit' ? end() : move(action)))

  // Focus leaves the button that opened the reading, so no key can press it again.
  useEffect(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    root.current?.focus()
  }, [])

  if (!reading) return null
  const atEnd = reading.step === stepCount(reading.text) - 1
  const message = error
  const controls = (
    <ReadingControls
      mode={reading.mode}
      atEnd={atEnd}
      onPrev={() => move('prev')}
      onNext={() => move('next')}
      onMode={() => setMode(reading.mode === 'satu' ? 'semua' : 'satu')}
      message={message}
    />
  )
  return (
    <div className="ikrar-overlay" ref={root} tabIndex={-1} aria-label="Pembacaan ikrar">
      {reading.presenterShown ? (
        <OfficerView reading={reading}>{controls}</OfficerView>
      ) : (
        <ReadingView reading={reading} onAdvance={() => move('next')}>
          {controls}
        </ReadingView>
      )}
    </div>
  )
}

/** Buttons never take focus: a clicker's Space must not press the last one touched. */
function ReadingControls(props: {
  mode: ReadingMode
  atEnd: boolean
  message: string | null
  onPrev: () => void
  onNext: () => void
  onMode: () => void
}) {
  const button = (label: string, onClick: () => void) => (
    <button
      type="button"
      tabIndex={-1}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => {
        e.stopPropagation()
        onClick()
      }}
    >
      {label}
    </button>
  )
  return (
    <footer className="ikrar-controls" onClick={(e) => e.stopPropagation()}>
      {button('◀ Sebelumnya', props.onPrev)}
      {button('Berikutnya ▶', props.onNext)}
      {button(
        props.mode === 'satu' ? 'Tampilkan semua butir' : 'Satu butir per layar',
        props.onMode,
      )}
      <span className="ikrar-hint" role="status">
        {props.message ??
          (props.atEnd ? 'Ikrar selesai dibacakan. Tekan Esc untuk menutup.' : 'Esc: selesai')}
      </span>
    </footer>
  )
}
