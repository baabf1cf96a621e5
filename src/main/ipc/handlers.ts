import type { Channel, Contract, Output } from '../../shared/contract'
import type { CallParsed } from '../../shared/contract/define'
import type { KioskContext } from '../context'
import { appHandlers } from './app'
import { attendanceHandlers } from './attendance'
import { ceremonyHandlers } from './ceremony'
import { exportHandlers } from './export'
import { rosterHandlers } from './roster'

type Handler<C extends Channel> = (input: CallParsed<Contract[C]>) => Output<C> | Promise<Output<C>>
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> }
export type Handlers = HandlersFor<Channel>

/** The table of every call, built over one context: the app and the tests use the same one. */
export function createHandlers(ctx: KioskContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...rosterHandlers(ctx),
    ...ceremonyHandlers(ctx),
    ...attendanceHandlers(ctx),
    ...exportHandlers(ctx),
  }
}
