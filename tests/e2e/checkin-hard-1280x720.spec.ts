import { hardFramesTest } from './hard-frames'

hardFramesTest({ width: 1280, height: 720 })
