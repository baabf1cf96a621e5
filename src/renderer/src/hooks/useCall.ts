import { useCallback, useEffect, useState } from 'react'
import type { Channel, Input, Output } from '../../../shared/contract'
import { api, ApiError } from '../api'

/**
 * One call's result, fetched again when its input changes or on reload(); a late answer to
 * an outdated input (fast typing in a search box) is dropped. `data` is undefined until the
 * first answer; the error is the officer's message, errorCode main's code for it (e.g. LOCKED).
 */
export function useCall<C extends Channel>(channel: C, input?: Input<C>) {
  const [data, setData] = useState<Output<C> | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [errorCode, setErrorCode] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const key = JSON.stringify(input ?? null)
  useEffect(() => {
    let current = true
    const call = api as (channel: C, input?: Input<C>) => Promise<Output<C>>
    call(channel, JSON.parse(key) ?? undefined).then(
      (value) => {
        if (!current) return
        setData(value)
        setError(null)
        setErrorCode(null)
      },
      (e: Error) => {
        if (!current) return
        setError(e.message)
        setErrorCode(e instanceof ApiError ? e.code : null)
      },
    )
    return () => {
      current = false
    }
  }, [channel, key, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, errorCode, reload }
}
