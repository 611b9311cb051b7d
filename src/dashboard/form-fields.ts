/**
 * Form controls named after their field's path in CreateReportInput (`location.latitude`...), each
 * with a slot for its error: the path a BAD_USER_INPUT issue names is the control it belongs to.
 */
import type { FieldIssue } from './api.js';
import { h } from './dom.js';

export const idOf = (path: string): string => `f-${path.replace(/\./g, '-')}`;

export function field(path: string, label: string, control: HTMLElement, hint?: string | HTMLElement): HTMLDivElement {
  const errorId = `${idOf(path)}-error`;
  const hintId = `${idOf(path)}-hint`;
  control.setAttribute('aria-describedby', hint ? `${hintId} ${errorId}` : errorId);
  return h(
    'div',
    { class: 'field', 'data-field': path },
    h('label', { for: idOf(path) }, label),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, 'data-error-for': path, hidden: true }),
  );
}

export function textInput(path: string, attributes: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h('input', { id: idOf(path), name: path, type: 'text', autocomplete: 'off', ...attributes });
}

export function select(path: string, options: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  const element = h('select', { id: idOf(path), name: path }, ...options.map(([v, label]) => h('option', { value: v }, label)));
  element.value = value;
  return element;
}

export function checkboxGroup(path: string, legend: string, options: readonly (readonly [string, string])[], hint: string): HTMLFieldSetElement {
  const errorId = `${idOf(path)}-error`;
  return h(
    'fieldset',
    { class: 'field checks', 'data-field': path, 'aria-describedby': errorId },
    h('legend', {}, legend),
    h(
      'div',
      { class: 'check-row' },
      ...options.map(([value, label]) =>
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: path, value, checked: true }), ` ${label}`),
      ),
    ),
    h('p', { class: 'hint' }, hint),
    h('p', { class: 'field-error', id: errorId, 'data-error-for': path, hidden: true }),
  );
}

/** `50,000,000,000`, `5e10`, `50 000 000 000` → 50000000000; NaN when it is not a number. */
export function parseAmount(text: string): number {
  const cleaned = text.replace(/[\s,_]/g, '');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

export function clearFieldError(box: HTMLElement): void {
  box.classList.remove('invalid');
  for (const slot of box.querySelectorAll<HTMLElement>('[data-error-for]')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const control of box.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/** The field of a path, or of its nearest parent (`params.scenarios.1` → `params.scenarios`). */
function fieldFor(form: HTMLElement, path: string): HTMLElement | null {
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const box = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(parts.join('.'))}"]`);
    if (box) return box;
  }
  return null;
}

/** Shows each issue next to its field and focuses the first; returns the issues no field took. */
export function showFieldErrors(form: HTMLElement, issues: readonly FieldIssue[]): FieldIssue[] {
  const unplaced: FieldIssue[] = [];
  let first: HTMLElement | null = null;
  for (const issue of issues) {
    const box = fieldFor(form, issue.path);
    const slot = box?.querySelector<HTMLElement>('[data-error-for]');
    if (!box || !slot) {
      unplaced.push(issue);
      continue;
    }
    box.classList.add('invalid');
    slot.textContent = slot.textContent ? `${slot.textContent}; ${issue.message}` : issue.message;
    slot.hidden = false;
    const control = box.querySelector<HTMLElement>('input, select');
    control?.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  first?.focus();
  return unplaced;
}
