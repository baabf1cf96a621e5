import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDbPath } from '../../src/main/paths'

describe('resolveDbPath', () => {
  it('uses the user-data folder by default', () => {
    expect(resolveDbPath([], {}, '/home/u/.config/kiosk')).toBe(
      path.resolve('/home/u/.config/kiosk/kehadiran-apel.sqlite'),
    )
  })
  it('lets KIOSK_DB and then --db= override it', () => {
    expect(resolveDbPath([], { KIOSK_DB: '/media/usb/k.sqlite' }, '/x')).toBe(
      path.resolve('/media/usb/k.sqlite'),
    )
    expect(resolveDbPath(['electron', '.', '--db=/tmp/a.sqlite'], { KIOSK_DB: '/b' }, '/x')).toBe(
      path.resolve('/tmp/a.sqlite'),
    )
  })
})
