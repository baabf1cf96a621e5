import {
  keepPreviousData,
  QueryClientProvider,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import type { Channel, Input, Output } from '../../../shared/contract'
import { api } from '../api'
import { Notice } from '../components/Notice'
import { followEvents } from './client'
import { createKioskClient } from './kiosk-client'
import { keys } from './keys'

/** The cache every screen of this window reads through, kept true by main's events. */
export function DataProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createKioskClient)
  useEffect(() => followEvents(client), [client])
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}

type Args<C extends Channel> = Input<C> extends undefined ? [] : [Input<C>]

/**
 * One call's answer from the cache, fetched when first shown and again when an event or a
 * mutation marks it stale. While a new input (typing in a search box) is being answered the
 * previous answer stays on screen; an answer to an outdated input never replaces a newer one.
 */
export function useKiosk<C extends Channel>(channel: C, ...args: Args<C>) {
  const input = args[0]
  return useQuery({
    queryKey: keys.call(channel, input),
    queryFn: () => (api as (c: C, i?: Input<C>) => Promise<Output<C>>)(channel, input),
    placeholderData: keepPreviousData,
  })
}

export interface NoticeText {
  kind: 'ok' | 'error'
  text: string
}

/** Work an officer started: resolves to what to tell them (null: nothing), rejects with why not. */
type Work = () => Promise<string | null>

/**
 * The one way a screen changes something: `run` drives `busy`, turns the outcome into the
 * Indonesian notice (main's own message when it refused), and marks stale what the work
 * changed beyond the events main sends (`invalidates`). Resolves true when the work succeeded.
 */
export function useAction() {
  const client = useQueryClient()
  const [message, setMessage] = useState<NoticeText | null>(null)
  const mutation = useMutation({
    mutationFn: ({ work }: { work: Work; invalidates: QueryKey[] }) => work(),
    onMutate: () => setMessage(null),
    onSuccess: async (text, { invalidates }) => {
      setMessage(text ? { kind: 'ok', text } : null)
      await Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey })))
    },
    onError: (error) => setMessage({ kind: 'error', text: error.message }),
  })
  const run = (work: Work, invalidates: QueryKey[] = []): Promise<boolean> =>
    mutation.mutateAsync({ work, invalidates }).then(
      () => true,
      () => false,
    )
  return {
    run,
    busy: mutation.isPending,
    message,
    /** For a message the screen decides itself (a dialog's result, a hint). */
    say: setMessage,
    notice: message && <Notice kind={message.kind}>{message.text}</Notice>,
  }
}
