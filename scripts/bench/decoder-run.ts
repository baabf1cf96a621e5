/** What the decoder benchmark's page reports for one decoder over one file of frames. */
export interface DecoderRun {
  /** Frames whose decoded text is the code drawn on them. */
  hits: number
  /** Frames that gave a text that is not on them: a misread, or a code read from an empty frame. */
  wrong: number
  /** Milliseconds per decode call, in frame order. */
  ms: number[]
}

/** The page's entry point, on its window. */
export type BenchFrames = (
  url: string,
  width: number,
  height: number,
  expected: (string | null)[],
) => Promise<Record<string, DecoderRun>>
