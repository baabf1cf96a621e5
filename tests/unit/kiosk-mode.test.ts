import { describe, expect, it } from 'vitest'
import { KIOSK_FLAG, kioskModeFor, loginItemFor } from '../../src/main/window/kiosk-mode'

describe('kiosk mode', () => {
  it('is on by default when installed and off by default from source', () => {
    expect(kioskModeFor({ packaged: true, argv: ['kiosk.exe'], setting: null })).toBe(true)
    expect(kioskModeFor({ packaged: false, argv: ['electron', '.'], setting: null })).toBe(false)
  })

  it('is forced on by --kiosk (npm start -- --kiosk), whatever the setting says', () => {
    const argv = ['electron', '.', KIOSK_FLAG]
    expect(kioskModeFor({ packaged: false, argv, setting: null })).toBe(true)
    expect(kioskModeFor({ packaged: false, argv, setting: false })).toBe(true)
    expect(kioskModeFor({ packaged: true, argv, setting: false })).toBe(true)
  })

  it('follows the officer’s setting otherwise, installed or not', () => {
    expect(kioskModeFor({ packaged: true, argv: [], setting: false })).toBe(false)
    expect(kioskModeFor({ packaged: false, argv: [], setting: true })).toBe(true)
    expect(kioskModeFor({ packaged: true, argv: [], setting: true })).toBe(true)
    expect(kioskModeFor({ packaged: false, argv: [], setting: false })).toBe(false)
  })

  it('is not turned on by a flag that only looks like it', () => {
    for (const flag of ['--kiosk=false', '--no-kiosk', '-kiosk', '--kiosk-mode']) {
      expect(kioskModeFor({ packaged: false, argv: ['electron', flag], setting: null })).toBe(false)
    }
  })
})

describe('start at login', () => {
  const installed = { packaged: true, argv: ['C:\\Kiosk\\Kiosk Apel Netralitas.exe'] }

  it('is off until the officer turns it on, on Windows and macOS', () => {
    for (const platform of ['win32', 'darwin']) {
      expect(loginItemFor({ ...installed, platform, setting: null })).toEqual({
        openAtLogin: false,
        args: [],
      })
      expect(loginItemFor({ ...installed, platform, setting: true })?.openAtLogin).toBe(true)
      expect(loginItemFor({ ...installed, platform, setting: false })?.openAtLogin).toBe(false)
    }
  })

  it('is not offered from source or on Linux, where Electron cannot set it', () => {
    expect(loginItemFor({ packaged: false, argv: [], platform: 'win32', setting: true })).toBeNull()
    expect(loginItemFor({ ...installed, platform: 'linux', setting: true })).toBeNull()
  })

  it('starts on the same database and in the forced mode, and passes nothing else on', () => {
    const argv = [
      'Kiosk.exe',
      '--db=E:\\apel\\kehadiran.sqlite',
      KIOSK_FLAG,
      '--inspect=9229',
      '--remote-debugging-port=9222',
    ]
    expect(loginItemFor({ packaged: true, argv, platform: 'win32', setting: true })).toEqual({
      openAtLogin: true,
      args: ['--db=E:\\apel\\kehadiran.sqlite', KIOSK_FLAG],
    })
  })
})
