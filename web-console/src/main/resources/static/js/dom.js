// Builds elements from plain values: text always goes in as text (textContent), never as HTML.

export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else if (name === 'checked' || name === 'selected' || name === 'disabled' || name === 'hidden') element[name] = Boolean(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

export function option(value, label, selected = false) {
  return h('option', { value, selected }, label);
}

/** A notice above a form or list: kind is ok, bad or info. */
export function notice(kind, text) {
  return h('p', { class: `notice ${kind}`, role: kind === 'bad' ? 'alert' : 'status' }, text);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function when(instant) {
  return instant ? dateTime.format(new Date(instant)) : '';
}

export function badge(value, label = value) {
  return h('span', { class: `badge ${value}` }, label);
}

/** OPEN -> Open, IN_PROGRESS -> In progress. */
export function words(constant) {
  const text = String(constant ?? '').toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
