import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, type KioskBridge } from '../shared/contract'

const allowed = new Set<string>(CHANNELS)

/** The renderer's only way out: the contract's calls, by name, nothing else. */
const bridge: KioskBridge = {
  invoke: (channel, input) =>
    allowed.has(channel)
      ? ipcRenderer.invoke(channel, input)
      : Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CALL', message: `Perintah tidak dikenal: ${channel}` },
        }),
}

contextBridge.exposeInMainWorld('kiosk', bridge)
