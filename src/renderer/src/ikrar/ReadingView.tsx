import type { ReactNode } from 'react'
import {
  stepAt,
  stepLabel,
  type IkrarReading,
  type IkrarStep,
  type IkrarText,
} from '../../../shared/ikrar'
import { useFitText } from './useFitText'

/**
 * The ikrar as the crowd sees it: white on black, the text as large as the screen allows.
 * The same view runs full screen on the kiosk and in the projector window.
 */
export function ReadingView({
  reading,
  onAdvance,
  children,
}: {
  reading: IkrarReading
  /** A click or a tap anywhere on the text moves on; absent on the projector. */
  onAdvance?: () => void
  /** The officer's buttons, kept out of the measured text area. */
  children?: ReactNode
}) {
  const { text, mode } = reading
  const step = stepAt(text, reading.step)
  return (
    <div className="ikrar-reading" onClick={onAdvance} data-testid="ikrar-reading">
      <header className="ikrar-bar">
        <span className="ikrar-bar-title">{step.kind === 'opening' ? '' : text.heading}</span>
        <span className="ikrar-progress" data-testid="ikrar-progress">
          {stepLabel(step)}
        </span>
      </header>
      {mode === 'satu' ? <OneStep text={text} step={step} /> : <AllSteps text={text} step={step} />}
      {children}
    </div>
  )
}

function OneStep({ text, step }: { text: IkrarText; step: IkrarStep }) {
  const readCount =
    step.kind === 'point' ? step.index : step.kind === 'closing' ? text.points.length : 0
  return (
    <>
      {readCount > 0 && (
        <ol className="ikrar-read" aria-label="Butir yang sudah dibacakan">
          {text.points.slice(0, readCount).map((p, i) => (
            <li key={i} value={i + 1}>
              {p}
            </li>
          ))}
        </ol>
      )}
      <FitBox fitKey={`${step.kind}:${JSON.stringify(text)}:${readCount}`}>
        {step.kind === 'opening' && (
          <>
            <h2 className="ikrar-heading">{text.heading}</h2>
            <p data-testid="ikrar-current">{text.opening}</p>
          </>
        )}
        {step.kind === 'point' && (
          <p className="ikrar-point" data-testid="ikrar-current">
            <span className="ikrar-num">{step.index + 1}.</span> {text.points[step.index]}
          </p>
        )}
        {step.kind === 'closing' && <p data-testid="ikrar-current">{text.closing}</p>}
      </FitBox>
    </>
  )
}

function AllSteps({ text, step }: { text: IkrarText; step: IkrarStep }) {
  const current =
    step.kind === 'point' ? step.index : step.kind === 'closing' ? text.points.length : -1
  const state = (i: number) => (i < current ? 'read' : i === current ? 'current' : 'unread')
  return (
    <FitBox fitKey={`semua:${JSON.stringify(text)}:${current}`}>
      <h2 className="ikrar-heading">{text.heading}</h2>
      <p className={step.kind === 'opening' ? 'current' : 'read'}>{text.opening}</p>
      <ol className="ikrar-all">
        {text.points.map((p, i) => (
          <li
            key={i}
            className={state(i)}
            data-testid={state(i) === 'current' ? 'ikrar-current' : undefined}
          >
            {p}
          </li>
        ))}
      </ol>
      {text.closing !== null && (
        <p className={step.kind === 'closing' ? 'current' : 'unread'}>{text.closing}</p>
      )}
    </FitBox>
  )
}

function FitBox({ fitKey, children }: { fitKey: string; children: ReactNode }) {
  const box = useFitText<HTMLDivElement>(fitKey)
  return (
    <div className="ikrar-fit" ref={box} data-testid="ikrar-fit">
      {children}
    </div>
  )
}
