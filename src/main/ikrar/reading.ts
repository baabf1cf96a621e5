import {
  stepCount,
  type IkrarReading,
  type ReadingMode,
  type ReadingMove,
} from '../../shared/ikrar'

/**
 * The reading in progress, kept in main so that the kiosk window and the projector window
 * show the same step. Pure: every change returns a new state.
 */
export type ReadingState = Omit<IkrarReading, 'presenterShown' | 'mirrored'>

export function beginReading(fields: Omit<ReadingState, 'step' | 'mode'>): ReadingState {
  return { ...fields, step: 0, mode: 'satu' }
}

/** Moves stop at either end: an extra click on the last point must not skip or wrap around. */
export function moveReading(state: ReadingState, move: ReadingMove): ReadingState {
  const last = stepCount(state.text) - 1
  const target = {
    next: state.step + 1,
    prev: state.step - 1,
    first: 0,
    last,
  }[move]
  const step = Math.min(Math.max(target, 0), last)
  return step === state.step ? state : { ...state, step }
}

export function setReadingMode(state: ReadingState, mode: ReadingMode): ReadingState {
  return mode === state.mode ? state : { ...state, mode }
}
