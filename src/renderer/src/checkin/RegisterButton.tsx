import type { ShownOutcome } from './outcome'
import { useGateHub } from './GateScanProvider'

/** The NIP the officer may put on the roster: an unknown one that was kept for review. */
export function registrableNip(outcome: ShownOutcome): string | null {
  return outcome.kind === 'unknown' && outcome.recorded ? outcome.nip : null
}

/** Opens the registration of an unknown NIP (the dialog belongs to the app, not the banner). */
export function RegisterButton({ nip }: { nip: string }) {
  const hub = useGateHub()
  return (
    <button className="register-unknown" onClick={() => hub.register(nip)}>
      Daftarkan pegawai ini
    </button>
  )
}
