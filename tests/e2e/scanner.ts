import type { Page } from '@playwright/test'

/**
 * Types `code` the way a USB barcode scanner does: keys 5 ms apart by their hardware
 * timestamps, then Enter. The timestamps travel with the events, so a busy test machine
 * delivering them late does not make the burst look like a person typing.
 */
export async function scanWithKeyboardScanner(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const start = Date.now() / 1000
  const keys = [...code].map((ch) => ({ key: ch, text: ch })).concat({ key: 'Enter', text: '\r' })
  for (const [i, k] of keys.entries()) {
    const timestamp = start + i * 0.005
    const code = k.key === 'Enter' ? 'Enter' : undefined
    const vk = k.key === 'Enter' ? 13 : undefined
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key: k.key,
      text: k.text,
      code,
      windowsVirtualKeyCode: vk,
      timestamp,
    })
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: k.key,
      code,
      windowsVirtualKeyCode: vk,
      timestamp,
    })
  }
  await cdp.detach()
}
