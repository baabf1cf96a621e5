import type { OutcomeKind } from './outcome'

/** Each outcome's own short sound, generated on the spot: no files, no network. [frequency Hz, ms][] */
const TONES: Record<OutcomeKind, [number, number][]> = {
  recorded: [
    [880, 90],
    [1320, 140],
  ],
  duplicate: [[660, 220]],
  unknown: [
    [440, 140],
    [440, 140],
  ],
  invalid: [[220, 350]],
  'no-ceremony': [[180, 500]],
  failed: [
    [200, 250],
    [150, 400],
  ],
  // Three rising notes: a paper taken in, never mistaken for an arrival's two.
  'pakta-received': [
    [660, 90],
    [880, 90],
    [1175, 160],
  ],
  'pakta-duplicate': [[660, 220]],
  'pakta-refused': [[220, 350]],
}

let audio: AudioContext | null = null

/**
 * Creates the audio context ahead of the first outcome: creating it holds the page's thread for
 * 50-190 ms (measured in a new Chromium profile), which the first arrival's outcome waited for.
 */
export function prepareSounds(): AudioContext | null {
  try {
    audio ??= new AudioContext()
  } catch {
    // A laptop without sound still shows the colour and the message.
  }
  return audio
}

export function playOutcome(kind: OutcomeKind): void {
  try {
    const context = prepareSounds()
    if (!context) return
    // Made before any gesture, a context may start suspended.
    if (context.state === 'suspended') void context.resume().catch(() => undefined)
    let t = context.currentTime
    for (const [freq, ms] of TONES[kind]) {
      const osc = context.createOscillator()
      const gain = context.createGain()
      osc.type =
        kind === 'invalid' || kind === 'failed' || kind === 'pakta-refused' ? 'square' : 'sine'
      osc.frequency.value = freq
      gain.gain.setValueAtTime(0.25, t)
      gain.gain.exponentialRampToValueAtTime(0.001, t + ms / 1000)
      osc.connect(gain).connect(context.destination)
      osc.start(t)
      osc.stop(t + ms / 1000)
      t += ms / 1000 + 0.04
    }
  } catch {
    // A laptop without sound still shows the colour and the message.
  }
}
