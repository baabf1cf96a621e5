import fs from 'node:fs'
import path from 'node:path'

/** The tests load the production renderer bundle; `npm run e2e` builds it first. */
export default function globalSetup(): void {
  const index = path.resolve(__dirname, '../../out/renderer/index.html')
  if (!fs.existsSync(index))
    throw new Error(`${index} belum ada: jalankan "npm run build" dulu (npm run e2e melakukannya).`)
}
