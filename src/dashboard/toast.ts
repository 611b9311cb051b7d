/** Short messages that do not belong to one field or row, read out by screen readers as they appear. */
import { h } from './dom.js';

const SHOWN_MS = 4_000;

let region: HTMLElement | null = null;

export function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  region ??= document.body.appendChild(h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' }));
  const item = h('div', { class: `toast ${kind}` }, message);
  region.replaceChildren(item); // the newest message only: a stack of old ones is noise
  setTimeout(() => item.remove(), SHOWN_MS);
}
