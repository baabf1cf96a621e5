import type { attendanceContract } from '../../shared/contract/attendance'
import {
  attendanceRows,
  getOfficer,
  setOfficer,
  setReason,
  setReasonForOpd,
} from '../attendance/repository'
import { summarize } from '../attendance/summary'
import type { KioskContext } from '../context'
import type { HandlersFor } from './handlers'

export function attendanceHandlers(
  ctx: KioskContext,
): HandlersFor<keyof typeof attendanceContract> {
  return {
    'attendance.officer': () => getOfficer(ctx.db),
    'attendance.setOfficer': ({ name }) => setOfficer(ctx.db, name),
    'attendance.list': ({ ceremonyId, opdId }) => {
      const rows = attendanceRows(ctx.db, ceremonyId, opdId)
      return { rows, summary: summarize(rows) }
    },
    'attendance.setReason': (change) => {
      const row = setReason(ctx.db, ctx.now(), change)
      ctx.events.emit('checkin.changed', { ceremonyId: change.ceremonyId })
      return row
    },
    'attendance.setReasonForOpd': (input) => {
      const counts = setReasonForOpd(ctx.db, ctx.now(), input)
      ctx.events.emit('checkin.changed', { ceremonyId: input.ceremonyId })
      return counts
    },
  }
}
