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
}

let audio: AudioContext | null = null

export function playOutcome(kind: OutcomeKind): void {
  try {
    audio ??= new AudioContext()
    let t = audio.currentTime
    for (const [freq, ms] of TONES[kind]) {
      const osc = audio.createOscillator()
      const gain = audio.createGain()
      osc.type = kind === 'invalid' || kind === 'failed' ? 'square' : 'sine'
      osc.frequency.value = freq
      gain.gain.setValueAtTime(0.25, t)
      gain.gain.exponentialRampToValueAtTime(0.001, t + ms / 1000)
      osc.connect(gain).connect(audio.destination)
      osc.start(t)
      osc.stop(t + ms / 1000)
      t += ms / 1000 + 0.04
    }
  } catch {
    // A laptop without sound still shows the colour and the message.
  }
}
