/** How a kiosk's long id is shown to people: enough to tell gates apart at a glance. */
export function shortKioskId(id: string): string {
  return `KIOSK-${id.slice(0, 8).toUpperCase()}`
}
