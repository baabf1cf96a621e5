import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/query-core'
import { describe, expect, it } from 'vitest'
import { applyEvent, EVENT_EFFECTS } from '../../src/renderer/src/data/event-keys'
import { keys } from '../../src/renderer/src/data/keys'
import { CHANNELS, contract, EVENT_NAMES, type Channel } from '../../src/shared/contract'
import type { IkrarReading } from '../../src/shared/ikrar'

/** Answers a window might hold: a real cache, each answer stored under the key factory's key. */
const HELD: QueryKey[] = [
  keys.call('app.status'),
  keys.call('auth.status'),
  keys.call('checkin.dashboard', { missingOpdId: null, recent: 50, filter: 'semua' }),
  keys.call('checkin.findPerson', { query: 'budi', limit: 20 }),
  keys.call('attendance.list', { ceremonyId: 1, opdId: 4 }),
  keys.call('attendance.list', { ceremonyId: 2, opdId: 4 }),
  keys.call('attendance.officer'),
  keys.call('ceremony.list'),
  keys.call('roster.listOpd'),
  keys.call('roster.search', {
    query: '',
    opdId: null,
    includeInactive: false,
    card: 'any',
    limit: 50,
    offset: 0,
  }),
  keys.call('signer.list'),
  keys.call('ikrar.get', {}),
  keys.call('ikrar.readings', {}),
  keys.call('ikrar.reading'),
  keys.call('backup.list'),
]

function cacheHoldingAll(): QueryClient {
  const client = new QueryClient()
  for (const key of HELD) client.setQueryData(key, { held: true })
  return client
}

/** The answers an event made stale, by channel (and ceremony for the attendance lists). */
function staleAfter(client: QueryClient): string[] {
  return HELD.filter((key) => client.getQueryState(key)?.isInvalidated)
    .map((key) => {
      const [channel, input] = key as [Channel, { ceremonyId?: number } | null]
      return input?.ceremonyId ? `${channel}#${input.ceremonyId}` : channel
    })
    .sort()
}

describe('what each event from main makes stale', () => {
  it('has an entry for every event, and names only channels of the contract', () => {
    expect(Object.keys(EVENT_EFFECTS).sort()).toEqual([...EVENT_NAMES].sort())
    for (const name of EVENT_NAMES) {
      const effect = EVENT_EFFECTS[name]({ ceremonyId: 1 } as never)
      for (const key of effect.invalidate) expect(CHANNELS).toContain(key[0])
    }
  })

  it('an arrival stales the gate and only that ceremony’s attendance lists', async () => {
    const client = cacheHoldingAll()
    await applyEvent(client, 'checkin.changed', { ceremonyId: 1 })
    expect(staleAfter(client)).toEqual([
      'attendance.list#1',
      'checkin.dashboard',
      'checkin.findPerson',
    ])
  })

  it('the reading event carries the reading into the cache and stales the reading log and the gate count', async () => {
    const client = cacheHoldingAll()
    const reading = { readingId: 7, step: 2 } as unknown as IkrarReading
    await applyEvent(client, 'ikrar.reading', reading)
    expect(client.getQueryData(keys.call('ikrar.reading'))).toEqual(reading)
    expect(staleAfter(client)).toEqual(['checkin.dashboard', 'ikrar.readings'])
    await applyEvent(client, 'ikrar.reading', null)
    expect(client.getQueryData(keys.call('ikrar.reading'))).toBeNull()
  })

  it('a roster change stales every list of people and the counts they make', async () => {
    const client = cacheHoldingAll()
    await applyEvent(client, 'roster.changed', null)
    expect(staleAfter(client)).toEqual([
      'app.status',
      'attendance.list#1',
      'attendance.list#2',
      'checkin.dashboard',
      'checkin.findPerson',
      'roster.listOpd',
      'roster.search',
      'signer.list',
    ])
  })

  it('a ceremony change stales the ceremony lists, the gate, its ikrar and the status', async () => {
    const client = cacheHoldingAll()
    await applyEvent(client, 'ceremony.changed', null)
    expect(staleAfter(client)).toEqual([
      'app.status',
      'attendance.list#1',
      'attendance.list#2',
      'ceremony.list',
      'checkin.dashboard',
      'ikrar.get',
      'ikrar.readings',
    ])
  })

  it('the lock changing stales the lock state and drops every answer read under the PIN; job progress stales nothing', async () => {
    const client = cacheHoldingAll()
    await applyEvent(client, 'auth.changed', null)
    expect(staleAfter(client)).toEqual(['auth.status'])
    const dropped = HELD.filter((key) => client.getQueryData(key) === undefined).map((k) => k[0])
    expect(dropped.sort()).toEqual([
      'attendance.list',
      'attendance.list',
      'backup.list',
      'roster.search',
      'signer.list',
    ])
    // Exactly the answers of calls the contract guards.
    for (const key of HELD) {
      const guarded = contract[key[0] as Channel].officer
      expect(client.getQueryData(key) === undefined, String(key[0])).toBe(guarded)
    }
    const other = cacheHoldingAll()
    await applyEvent(other, 'job.progress', null as never)
    expect(staleAfter(other)).toEqual([])
  })

  it('re-reads a guarded answer on screen at once, inside the unprompted wrapper the app passes', async () => {
    const client = new QueryClient()
    let unprompted = false
    const quietly = <T>(start: () => T): T => {
      unprompted = true
      try {
        return start()
      } finally {
        unprompted = false
      }
    }
    const reads: boolean[] = []
    const observer = new QueryObserver(client, {
      queryKey: keys.call('signer.list'),
      queryFn: async () => {
        reads.push(unprompted)
        return { signers: [] }
      },
    })
    const stop = observer.subscribe(() => undefined)
    await expect.poll(() => observer.getCurrentResult().status).toBe('success')
    await applyEvent(client, 'auth.changed', null, quietly)
    stop()
    // Once on screen (a prompt may ask), once after the lock changed (none may).
    expect(reads).toEqual([false, true])
  })
})
