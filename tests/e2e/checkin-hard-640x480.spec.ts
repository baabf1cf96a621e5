import { hardFramesTest } from './hard-frames'

hardFramesTest({ width: 640, height: 480 })
