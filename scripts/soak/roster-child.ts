// Soak child: applies the demo roster at the size given, as an officer's import would, and says
// "start" just before the transaction and "done <ms>" after it committed.
import { openDatabase } from '../../src/main/db/connection'
import { demoRoster } from '../../src/main/roster/demo'
import { applyRoster } from '../../src/main/roster/repository'

const [file, size] = process.argv.slice(2)
const db = openDatabase(file!)
const rows = demoRoster(Number(size))
const started = performance.now()
process.stdout.write('start\n')
applyRoster(db, rows, new Date())
process.stdout.write(`done ${Math.round(performance.now() - started)}\n`)
