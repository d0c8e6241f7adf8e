// Shows a problem's field errors beside the inputs that have data-field set to the field's name.

import { h, notice } from './dom.js';
import { Problem } from './api.js';

export function clearErrors(form) {
  form.querySelectorAll('.field-error, .notice').forEach(element => element.remove());
}

/**
 * @param form   the form (or any element) holding the inputs
 * @param error  a Problem, or any other error
 * @param fieldFor maps a service's field name to a data-field value (default: itself)
 */
export function showError(form, error, fieldFor = field => field) {
  clearErrors(form);
  const unplaced = [];
  if (error instanceof Problem) {
    for (const [field, message] of error.fields) {
      const input = form.querySelector(`[data-field="${CSS.escape(fieldFor(field))}"]`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.insertAdjacentElement('afterend', h('p', { class: 'field-error', role: 'alert' }, message));
      } else {
        unplaced.push(`${field} ${message}`);
      }
    }
  }
  const summary = error instanceof Problem
      ? [error.title, error.fields.size ? unplaced.join('; ') : error.message, retry(error)].filter(Boolean).join(': ')
      : String(error.message ?? error);
  form.prepend(notice('bad', summary));
}

function retry(error) {
  return error.retryAfter ? `try again in ${error.retryAfter} s` : '';
}

export function showNotice(form, kind, text) {
  clearErrors(form);
  form.prepend(notice(kind, text));
}

export function field(label, id, input, hint) {
  input.id = id;
  return h('div', {}, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint' }, hint) : null);
}
