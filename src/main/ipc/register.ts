import { ipcMain, webContents } from 'electron'
import { CHANNELS } from '../../shared/contract'
import type { EventHub } from '../events'
import { deliverEvent } from './deliver'
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

/** Every event goes to every window showing the app's own page (kiosk and projector), no other. */
export function forwardEvents(events: EventHub, isAppFrame: (url: string) => boolean): () => void {
  return events.listen((name, payload) =>
    deliverEvent(webContents.getAllWebContents(), isAppFrame, name, payload),
  )
}
