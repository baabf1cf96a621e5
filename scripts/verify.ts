// `npm run verify -- <file or folder> [--kunci=<public key or fingerprint>]`: checks an
// exported workbook, CSV or export folder and prints the result in Indonesian.
// Exit 0: authentic; 1: changed; 2: unreadable (or used wrongly).
import { fingerprintOf } from '../src/main/keys/signature'
import { EXIT_CODE, reportLines, verifyPath } from '../src/main/verify/verify'

const USAGE =
  'Pemakaian: npm run verify -- <berkas .xlsx, .csv atau folder ekspor> [--kunci="<sidik kunci atau kunci publik>"]'

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const target = args.find((a) => !a.startsWith('--'))
  const key = args.find((a) => a.startsWith('--kunci='))?.slice('--kunci='.length)
  if (!target) {
    console.error(USAGE)
    return EXIT_CODE['tidak-terbaca']
  }
  if (key !== undefined) {
    console.log(`Kunci yang diharapkan: ${/^\s*kiosk/i.test(key) ? key : fingerprintOf(key)}`)
  }
  const report = await verifyPath(target, { expectedKey: key })
  for (const line of reportLines(report)) console.log(line)
  return EXIT_CODE[report.verdict]
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error('Pemeriksaan gagal:', error)
    process.exitCode = EXIT_CODE['tidak-terbaca']
  },
)
