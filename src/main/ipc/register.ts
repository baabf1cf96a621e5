import { ipcMain } from 'electron'
import { CHANNELS } from '../../shared/contract'
import type { Handlers } from './handlers'
import { invoke } from './invoke'

export function registerHandlers(handlers: Handlers, isAppFrame: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isAppFrame(event.senderFrame?.url ?? '')) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Permintaan bukan dari halaman kiosk.' },
        }
      }
      return invoke(handlers, channel, input)
    })
  }
}
