import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/browser'

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'e2e', testIgnore: [/screenshots\.spec\.ts/, /checkin-hard-.*\.spec\.ts/] },
    // Two browsers decoding a queue of hard codes for two minutes load both cores: they run after
    // the rest, whose keyboard-wedge timing they would otherwise disturb.
    { name: 'real-light', testMatch: /checkin-hard-.*\.spec\.ts/, dependencies: ['e2e'] },
    { name: 'screenshots', testMatch: /screenshots\.spec\.ts/ },
  ],
})
