// A notice for the next drawing of the page ("Saved."), and the way to draw the current page again.

let pending = null;

/** Draws the current page again from the services' answers, with this notice on top. */
export function reload(kind, text) {
  pending = { kind, text };
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Goes to another page, with this notice on top. */
export function go(hash, kind, text) {
  pending = text ? { kind, text } : null;
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export function take() {
  const taken = pending;
  pending = null;
  return taken;
}
