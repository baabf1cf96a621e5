import { appContract } from './app'
import { authenticityContract } from './authenticity'
import { authContract } from './auth'
import { backupContract } from './backup'
import { attendanceContract } from './attendance'
import { ceremonyContract } from './ceremony'
import { checkinContract } from './checkin'
import type { CallInput, CallOutput } from './define'
import { declarationContract } from './declaration'
import { ikrarContract } from './ikrar'
import { jobsContract } from './jobs'
import { preflightContract } from './preflight'
import { logContract } from './log'
import { paktaContract } from './pakta'
import { exportContract } from './export'
import { hubContract } from './hub'
import { exchangeContract } from './exchange'
import { rosterContract } from './roster'
import { signerContract } from './signer'

/** Every call the renderer may make to main. Nothing else crosses the bridge. */
export const contract = {
  ...appContract,
  ...authContract,
  ...backupContract,
  ...rosterContract,
  ...ceremonyContract,
  ...checkinContract,
  ...ikrarContract,
  ...attendanceContract,
  ...exportContract,
  ...signerContract,
  ...declarationContract,
  ...jobsContract,
  ...preflightContract,
  ...logContract,
  ...authenticityContract,
  ...paktaContract,
  ...hubContract,
  ...exchangeContract,
}

export type Contract = typeof contract
export type Channel = keyof Contract
export type Input<C extends Channel> = CallInput<Contract[C]>
export type Output<C extends Channel> = CallOutput<Contract[C]>
export const CHANNELS = Object.keys(contract) as Channel[]

export { EVENT_NAMES, eventChannel, events, type EventName, type EventPayload } from './events'

/** The one object the preload puts on `window.kiosk`. */
export interface KioskBridge {
  invoke(channel: string, input: unknown): Promise<unknown>
  /** Listens to one of the contract's events; returns the unsubscribe. */
  subscribe(name: string, listener: (payload: unknown) => void): () => void
}
