import { describe, expect, it } from 'vitest'
import { cameraName } from '../../src/renderer/src/checkin/camera-name'

describe('cameraName', () => {
  it('keeps a name an officer recognises, without its USB ids', () => {
    expect(cameraName('Integrated Webcam (0c45:6713)', 0)).toBe('Integrated Webcam')
    expect(cameraName('HD Pro Webcam C920 (046d:082d)', 1)).toBe('HD Pro Webcam C920')
    expect(cameraName('FaceTime HD Camera', 0)).toBe('FaceTime HD Camera')
  })

  it('numbers a camera whose label reads like a device id or a file', () => {
    expect(cameraName('fake_device_0', 0)).toBe('Kamera 1')
    expect(cameraName('/tmp/kiosk/sulit-1280x720.y4m', 1)).toBe('Kamera 2')
    expect(cameraName('C:\\Video Uji\\antrean.y4m', 0)).toBe('Kamera 1')
    expect(cameraName('', 2)).toBe('Kamera 3')
  })
})
