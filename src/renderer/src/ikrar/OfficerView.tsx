import { useEffect, useState, type ReactNode } from 'react'
import {
  stepAt,
  stepCount,
  stepLabel,
  type IkrarReading,
  type IkrarText,
} from '../../../shared/ikrar'

function stepText(text: IkrarText, step: number): string {
  const s = stepAt(text, step)
  if (s.kind === 'opening') return text.opening
  if (s.kind === 'closing') return text.closing ?? ''
  return `${s.index + 1}. ${text.points[s.index]}`
}

/** "02:05" since the reading started. */
function elapsed(startedAt: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`
}

/** On the laptop while the projector shows the text: what is on screen, what comes next, how long. */
export function OfficerView({ reading, children }: { reading: IkrarReading; children: ReactNode }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const { text, step } = reading
  const hasNext = step < stepCount(text) - 1
  return (
    <div className="ikrar-officer" data-testid="ikrar-officer">
      <header className="ikrar-bar">
        <span>Proyektor menampilkan ikrar · {reading.ceremonyName}</span>
        <span data-testid="ikrar-progress">{stepLabel(stepAt(text, step))}</span>
        <span className="ikrar-timer" aria-label="Lama pembacaan">
          {elapsed(reading.startedAt, now)}
        </span>
      </header>
      <section>
        <h2>Sedang dibacakan</h2>
        <p className="ikrar-officer-now">{stepText(text, step)}</p>
      </section>
      <section>
        <h2>Berikutnya</h2>
        <p className="ikrar-officer-next">{hasNext ? stepText(text, step + 1) : '(akhir ikrar)'}</p>
      </section>
      {children}
    </div>
  )
}
