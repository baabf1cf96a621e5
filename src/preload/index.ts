import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENT_NAMES, eventChannel, type KioskBridge } from '../shared/contract'

const allowedCalls = new Set<string>(CHANNELS)
const allowedEvents = new Set<string>(EVENT_NAMES)

/** The renderer's only ways in and out: the contract's calls and events, by name, nothing else. */
const bridge: KioskBridge = {
  invoke: (channel, input) =>
    allowedCalls.has(channel)
      ? ipcRenderer.invoke(channel, input)
      : Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CALL', message: `Perintah tidak dikenal: ${channel}` },
        }),
  subscribe: (name, listener) => {
    if (!allowedEvents.has(name)) return () => undefined
    const channel = eventChannel(name as (typeof EVENT_NAMES)[number])
    // The page gets the payload only, never Electron's event object (it holds the sender).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => void ipcRenderer.removeListener(channel, forward)
  },
}

contextBridge.exposeInMainWorld('kiosk', bridge)
