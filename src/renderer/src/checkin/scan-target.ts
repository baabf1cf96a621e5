/**
 * Where a scanner burst landed decides what becomes of it away from the gate screen.
 * The rule: a focused field inside a form or dialog (the PIN, an employee's name, a ceremony's
 * place) means the officer is editing, and a check-in made there would be a surprise; it is
 * refused, out loud. A search box (type="search", role="searchbox", or inside role="search")
 * is not editing: there the scan is a check-in, as it is with nothing focused or a button.
 */
export function isEditingForm(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false
  const field =
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    el.isContentEditable
  if (!field) return false
  if (el instanceof HTMLInputElement && el.type === 'search') return false
  if (el.getAttribute('role') === 'searchbox' || el.closest('[role="search"]')) return false
  return el.closest('form, dialog, [role="dialog"]') !== null
}

/** Where a person types text: a scanner's keys are let through there, and taken back out. */
export function isTextField(el: Element | null): boolean {
  if (el instanceof HTMLTextAreaElement) return true
  if (el instanceof HTMLInputElement) return !NOT_TEXT.has(el.type)
  return el instanceof HTMLElement && el.isContentEditable
}
const NOT_TEXT = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'submit',
  'reset',
])

/**
 * Takes a scan's characters back out of the field they were typed into before the burst proved
 * a scan (a slow Bluetooth scanner's whole code, a fast one's first two keys), so a search box
 * or a form keeps what the officer typed and nothing of the card. Through the native setter and
 * an input event, so React sees the change.
 */
export function removeLeakedKeys(el: Element | null, leaked: string): void {
  if (!leaked) return
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return
  const value = el.value
  const caret = el.selectionStart ?? value.length
  const start = caret - leaked.length
  const at = start >= 0 && value.slice(start, caret) === leaked ? start : value.lastIndexOf(leaked)
  if (at < 0) return
  const proto = el instanceof HTMLInputElement ? HTMLInputElement : HTMLTextAreaElement
  Object.getOwnPropertyDescriptor(proto.prototype, 'value')!.set!.call(
    el,
    value.slice(0, at) + value.slice(at + leaked.length),
  )
  el.dispatchEvent(new Event('input', { bubbles: true }))
  el.setSelectionRange?.(at, at)
}
