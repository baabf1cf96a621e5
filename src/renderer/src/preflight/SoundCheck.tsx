import { useEffect, useRef, useState } from 'react'
import type { PreflightResult } from '../../../shared/contract/preflight'
import type { OutcomeKind } from '../checkin/outcome'
import { playOutcome, prepareSounds } from '../checkin/sounds'
import { PreflightItemView } from './PreflightItemView'

/** Each outcome's sound by the word its banner shows at the gate. */
const SOUNDS: [OutcomeKind, string][] = [
  ['recorded', 'TERCATAT'],
  ['duplicate', 'SUDAH TERCATAT'],
  ['unknown', 'NIP TIDAK TERDAFTAR'],
  ['invalid', 'KODE TIDAK VALID'],
  ['no-ceremony', 'BELUM ADA ACARA AKTIF'],
  ['failed', 'GAGAL MENYIMPAN'],
]
/** The longest sound lasts about 0,7 s: each starts after the one before has ended. */
const BETWEEN_MS = 900

export interface SoundAnswer {
  heard: boolean | null
  playable: boolean
}

/** "Suara": plays the gate's own sounds (checkin/sounds.ts); the officer says whether they heard. */
export function SoundCheck({
  result,
  answer,
  onAnswer,
}: {
  result: PreflightResult
  answer: SoundAnswer
  onAnswer: (answer: SoundAnswer) => void
}) {
  const [played, setPlayed] = useState(false)
  const timers = useRef<ReturnType<typeof setTimeout>[]>([])
  useEffect(() => () => timers.current.forEach(clearTimeout), [])
  const play = (kinds: OutcomeKind[]) => {
    const playable = prepareSounds() !== null
    timers.current.forEach(clearTimeout)
    timers.current = kinds.map((kind, i) => setTimeout(() => playOutcome(kind), i * BETWEEN_MS))
    setPlayed(true)
    onAnswer({ heard: null, playable })
  }
  return (
    <PreflightItemView
      id="sound"
      title="Suara"
      result={result}
      actions={
        played &&
        answer.playable && (
          <>
            <button className="primary" onClick={() => onAnswer({ ...answer, heard: true })}>
              Terdengar
            </button>
            <button onClick={() => onAnswer({ ...answer, heard: false })}>Tidak terdengar</button>
          </>
        )
      }
    >
      <div className="actions preflight-sounds">
        <button onClick={() => play(SOUNDS.map(([kind]) => kind))}>Putar semua bunyi</button>
        {SOUNDS.map(([kind, word]) => (
          <button key={kind} onClick={() => play([kind])}>
            {word}
          </button>
        ))}
      </div>
    </PreflightItemView>
  )
}
