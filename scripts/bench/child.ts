import { fork } from 'node:child_process'

/**
 * Runs `script` again as a child with `--child ...args` and resolves with the one message it
 * sends. A child per measurement, so its peak memory (maxRSS) is its own and nothing else's.
 */
export function runChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(script, ['--child', ...args])
    child.once('message', (m) => resolve(m as T))
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code) reject(new Error(`${args[0] ?? script} exited with ${code}`))
    })
  })
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
