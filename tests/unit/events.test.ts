import { describe, expect, it } from 'vitest'
import { EventHub } from '../../src/main/events'

describe('the event hub', () => {
  it('delivers each event to every listener in order, and no more after unsubscribing', () => {
    const hub = new EventHub()
    const a: unknown[] = []
    const b: unknown[] = []
    const stopA = hub.listen((name, payload) => a.push([name, payload]))
    hub.listen((name, payload) => b.push([name, payload]))
    hub.emit('checkin.changed', { ceremonyId: 3 })
    stopA()
    hub.emit('roster.changed', null)
    expect(a).toEqual([['checkin.changed', { ceremonyId: 3 }]])
    expect(b).toEqual([
      ['checkin.changed', { ceremonyId: 3 }],
      ['roster.changed', null],
    ])
  })

  it('keeps delivering when one listener throws: the change is on disk, the news goes on', () => {
    const hub = new EventHub()
    const heard: string[] = []
    const quiet = console.error
    console.error = () => undefined
    try {
      hub.listen(() => {
        throw new Error('window gone')
      })
      hub.listen((name) => heard.push(name))
      expect(() => hub.emit('auth.changed', null)).not.toThrow()
    } finally {
      console.error = quiet
    }
    expect(heard).toEqual(['auth.changed'])
  })
})
