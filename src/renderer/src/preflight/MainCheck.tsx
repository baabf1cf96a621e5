import type { ReactNode } from 'react'
import type { PreflightItem, PreflightResult } from '../../../shared/contract/preflight'
import { useKiosk } from '../data/query'
import { PreflightItemView } from './PreflightItemView'

/** What main found for one item, or why it could not say: a refused call is red with its reason. */
export function useMainCheck(item: PreflightItem) {
  const query = useKiosk('preflight.check', { item })
  const result: PreflightResult | null = query.isFetching
    ? null
    : query.error
      ? {
          status: 'fail',
          detail: query.error.message,
          advice: 'Ulangi; bila tetap, mulai ulang kiosk.',
        }
      : (query.data ?? null)
  return { result, rerun: () => void query.refetch() }
}

/** An item main checks (disk, clock, display, database), with its Ulangi button. */
export function MainCheck({
  item,
  title,
  check,
  actions,
}: {
  item: PreflightItem
  title: string
  check: ReturnType<typeof useMainCheck>
  actions?: ReactNode
}) {
  return (
    <PreflightItemView
      id={item}
      title={title}
      result={check.result}
      actions={
        <>
          <button disabled={!check.result} onClick={check.rerun}>
            Ulangi
          </button>
          {actions}
        </>
      }
    />
  )
}
