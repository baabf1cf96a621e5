import type { IkrarReadingRecord } from '../../shared/ikrar'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { beginReading, moveReading, setReadingMode, type ReadingState } from './reading'
import { readableIkrar, recordReadingEnd, recordReadingStart } from './repository'
import type { ReadingMode, ReadingMove } from '../../shared/ikrar'

/**
 * The one reading this kiosk runs at a time: its state in memory (both windows follow it by events),
 * its start and end in the database.
 */
export function createReadingSession(db: Db, kioskId: string, now: () => Date) {
  let current: ReadingState | null = null

  const running = (): ReadingState => {
    if (!current) throw new UserError('NO_READING', 'Pembacaan ikrar tidak sedang berjalan.')
    return current
  }

  return {
    current: () => current,

    /** Starting again for the same ceremony joins the reading already running (a second window). */
    start(ceremonyId: number): ReadingState {
      if (current?.ceremonyId === ceremonyId) return current
      const text = readableIkrar(db, ceremonyId)
      const ceremonyName = getCeremony(db, ceremonyId).name
      if (current) this.end()
      const at = now()
      const readingId = recordReadingStart(db, at, ceremonyId, text, kioskId)
      current = beginReading({
        readingId,
        ceremonyId,
        ceremonyName,
        startedAt: at.toISOString(),
        text,
      })
      return current
    },

    move(move: ReadingMove): ReadingState {
      current = moveReading(running(), move)
      return current
    },

    setMode(mode: ReadingMode): ReadingState {
      current = setReadingMode(running(), mode)
      return current
    },

    end(): IkrarReadingRecord | null {
      if (!current) return null
      const record = recordReadingEnd(db, now(), current.readingId)
      current = null
      return record
    },
  }
}
