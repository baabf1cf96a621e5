import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/browser'

/** Specs whose browser decodes a fake camera's video. */
const CAMERA =
  /(checkin-camera|camera-settings|preflight-camera|checkin-hard-.*|pakta-camera|hub-pairing)\.spec\.ts/

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // One retry for a test that fails once on a loaded 2-core machine; the list reporter still
  // names it "flaky", so an intermittent failure is seen and chased, not hidden.
  retries: 1,
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
    { name: 'e2e', testIgnore: [/screenshots\.spec\.ts/, CAMERA] },
    // Browsers decoding camera video load both cores: they run after the rest, whose
    // keyboard-wedge timing they would otherwise disturb.
    { name: 'camera', testMatch: CAMERA, dependencies: ['e2e'] },
    { name: 'screenshots', testMatch: /screenshots\.spec\.ts/ },
  ],
})
