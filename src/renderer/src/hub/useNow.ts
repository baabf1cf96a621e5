import { useEffect, useState } from 'react'

/** The wall clock, re-read every `everyMs`: for countdowns and "3 detik lalu", not for records. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
