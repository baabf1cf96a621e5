import { crowdNip } from '../../tests/fixtures/crowd'
import { people } from '../../tests/fixtures/kiosks'

/** The roster every kiosk of the hub bench holds. */
export const BENCH_ROSTER = people(4_000, crowdNip)
