// Entry of the thread that checks Kirim data files for "Terima data": it checks each file in
// turn, a little ahead of the one the main thread is storing, and rings the bell the main
// thread sleeps on (check-thread.ts). It never opens the database.
import { workerData } from 'node:worker_threads'
import { checkBundleFile } from './check'
import { CHECK_AHEAD, type CheckerStart, type FromChecker, type ToChecker } from './check-protocol'

const { port, bell } = workerData as CheckerStart
let files: readonly string[] = []
let next = 0
let taken = 0

function post(message: FromChecker): void {
  port.postMessage(message)
  Atomics.add(bell, 0, 1)
  Atomics.notify(bell, 0)
}

function checkAhead(): void {
  while (next < files.length && next < taken + CHECK_AHEAD) {
    const at = next++
    try {
      post({ at, check: checkBundleFile(files[at]!) })
    } catch (error) {
      post({ at, failed: (error as Error)?.stack ?? String(error) })
    }
  }
}

port.on('message', (message: ToChecker) => {
  if ('files' in message) files = message.files
  else taken = message.taken
  checkAhead()
})
