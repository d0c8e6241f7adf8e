// The signed-in user's token, kept for this browser tab only (session storage), and what it says about them.

const KEY = 'ticket-sms.session';
const DESTINATION = 'ticket-sms.after-sign-in';

function decode(token) {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, c => c.charCodeAt(0))));
}

/** @returns {{token, userId, name, roles, admin, expiresAt}|null} */
export function current() {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  try {
    const claims = decode(token);
    if (claims.exp && claims.exp * 1000 < Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    return { token, userId: claims.sub, name: claims.name ?? claims.sub, roles, admin: roles.includes('admin'),
      expiresAt: claims.exp ? new Date(claims.exp * 1000) : null };
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

/** @throws Error if the text is not a JWT */
export function signIn(token) {
  decode(token.trim());
  sessionStorage.setItem(KEY, token.trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** Where to go after signing in: the page asked for before, else the profile. */
export function rememberDestination(hash) {
  sessionStorage.setItem(DESTINATION, hash);
}

export function takeDestination() {
  const hash = sessionStorage.getItem(DESTINATION);
  sessionStorage.removeItem(DESTINATION);
  return hash && hash !== '#/signin' ? hash : '#/profile';
}
