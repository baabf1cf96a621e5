import { CHANNELS, contract, type Channel, type Contract, type Output } from '../../shared/contract'
import type { CallParsed } from '../../shared/contract/define'
import { OfficerLock } from '../auth/officer-lock'
import type { KioskContext } from '../context'
import { attachKiosk } from '../log/append'
import { appHandlers } from './app'
import { attendanceHandlers } from './attendance'
import { authenticityHandlers } from './authenticity'
import { authHandlers } from './auth'
import { backupHandlers } from './backup'
import { ceremonyHandlers } from './ceremony'
import { checkinHandlers } from './checkin'
import { declarationHandlers } from './declaration'
import { exchangeHandlers } from './exchange'
import { exportHandlers } from './export'
import { hubHandlers } from './hub'
import { ikrarHandlers } from './ikrar'
import { jobsHandlers } from './jobs'
import { preflightHandlers } from './preflight'
import { logHandlers } from './log'
import { paktaHandlers } from './pakta'
import { rosterHandlers } from './roster'
import { signerHandlers } from './signer'

type Handler<C extends Channel> = (input: CallParsed<Contract[C]>) => Output<C> | Promise<Output<C>>
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> }
export type Handlers = HandlersFor<Channel>

/** The table of every call, built over one context: the app and the tests use the same one. */
export function createHandlers(ctx: KioskContext): Handlers {
  // Facts written through this table are logged as this installation's.
  attachKiosk(ctx.db, ctx.kioskId)
  const officer = new OfficerLock(ctx)
  const table = guardOfficerCalls(
    {
      ...appHandlers(ctx),
      ...authHandlers(officer),
      ...backupHandlers(ctx),
      ...rosterHandlers(ctx, officer),
      ...ceremonyHandlers(ctx),
      ...checkinHandlers(ctx),
      ...ikrarHandlers(ctx),
      ...attendanceHandlers(ctx),
      ...exportHandlers(ctx),
      ...signerHandlers(ctx),
      ...declarationHandlers(ctx),
      ...jobsHandlers(ctx),
      ...preflightHandlers(ctx),
      ...logHandlers(ctx),
      ...authenticityHandlers(ctx),
      ...paktaHandlers(ctx),
      ...hubHandlers(ctx),
      ...exchangeHandlers(ctx),
    },
    officer,
  )
  return announceChanges(table, ctx)
}

/**
 * The contract says what each call changes; after it succeeds the table announces that, once,
 * here. A refused or failed call announces nothing: nothing changed.
 */
function announceChanges(table: Handlers, ctx: Pick<KioskContext, 'events'>): Handlers {
  const announced: Record<string, (input: never) => unknown> = { ...table }
  for (const channel of CHANNELS) {
    const { changes } = contract[channel]
    if (changes.length === 0) continue
    const handler = table[channel] as (input: never) => unknown
    const announce = <T>(value: T): T => {
      for (const name of changes) ctx.events.emit(name, null)
      return value
    }
    announced[channel] = (input) => {
      const result = handler(input)
      return result instanceof Promise ? result.then(announce) : announce(result)
    }
  }
  return announced as Handlers
}

/** The contract marks which calls need the officer; the check lives here, once, for all of them. */
function guardOfficerCalls(table: Handlers, officer: OfficerLock): Handlers {
  const guarded: Record<string, (input: never) => unknown> = { ...table }
  for (const channel of CHANNELS) {
    if (!contract[channel].officer) continue
    const handler = table[channel] as (input: never) => unknown
    guarded[channel] = (input) => {
      officer.require()
      return handler(input)
    }
  }
  return guarded as Handlers
}
