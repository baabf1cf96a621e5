import type { Page } from '@playwright/test'

export interface ScannerOptions {
  /** Between keys by their timestamps: 5 for a USB scanner, 60 for a slow Bluetooth one. */
  gapMs?: number
  suffix?: 'Enter' | 'Tab' | null
}

const SUFFIX_KEYS = {
  Enter: { key: 'Enter', text: '\r', code: 'Enter', vk: 13 },
  Tab: { key: 'Tab', text: '\t', code: 'Tab', vk: 9 },
}

/**
 * Types `code` the way a barcode scanner does: keys `gapMs` apart by their hardware
 * timestamps, then the suffix. The timestamps travel with the events, so a busy test machine
 * delivering them late does not change the burst's speed; and every key is sent at once, in
 * order, as a scanner's keys reach the laptop, rather than each after the last one's round
 * trip (on a loaded machine a round trip can outlast the pause that ends a burst).
 */
export async function scanWithKeyboardScanner(
  page: Page,
  code: string,
  { gapMs = 5, suffix = 'Enter' }: ScannerOptions = {},
): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const start = Date.now() / 1000
  const keys: { key: string; text: string; code?: string; vk?: number }[] = [...code].map((ch) => ({
    key: ch,
    text: ch,
  }))
  if (suffix) keys.push(SUFFIX_KEYS[suffix])
  const sent = keys.flatMap((k, i) => {
    const timestamp = start + (i * gapMs) / 1000
    const { code, vk } = k
    return [
      cdp.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        key: k.key,
        text: k.text,
        code,
        windowsVirtualKeyCode: vk,
        timestamp,
      }),
      cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: k.key,
        code,
        windowsVirtualKeyCode: vk,
        timestamp,
      }),
    ]
  })
  await Promise.all(sent)
  await cdp.detach()
}
