// Sign in: the local stack's dev issuer signs a token for any user id (never in production), or paste one.

import * as session from './session.js';
import { consoleSettings, post } from './api.js';
import { h } from './dom.js';
import { field, showError } from './forms.js';

export async function renderSignIn(view) {
  const settings = await consoleSettings();
  view.append(h('h1', {}, 'Sign in'));
  if (settings.devSignIn) view.append(devForm());
  view.append(pasteForm(settings.devSignIn));
}

function devForm() {
  const userId = h('input', { name: 'sub', autocomplete: 'username', required: true, dataset: { field: 'sub' } });
  const name = h('input', { name: 'name', autocomplete: 'name', dataset: { field: 'name' } });
  const admin = h('input', { type: 'checkbox', name: 'admin', id: 'signin-admin' });
  const form = h('form', { class: 'card' },
    h('h2', {}, 'Development sign-in'),
    h('p', { class: 'hint' }, 'The local stack\'s dev token issuer signs a token for any user id. Production uses your identity provider instead.'),
    h('div', { class: 'grid' }, field('User id', 'signin-user', userId), field('Display name', 'signin-name', name)),
    h('p', {}, h('label', { class: 'inline', for: 'signin-admin' }, admin, 'Administrator (role admin)')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign in')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const answer = await post('/dev/token', {
        sub: userId.value.trim(), name: name.value.trim() || null, roles: admin.checked ? ['admin'] : [],
      }, { anonymous: true });
      session.signIn(answer.data.access_token);
      location.hash = session.takeDestination();
    } catch (error) {
      showError(form, error);
    }
  });
  return form;
}

function pasteForm(alternative) {
  const token = h('textarea', { name: 'token', rows: 3, dataset: { field: 'token' } });
  const form = h('form', { class: 'card' },
    h('h2', {}, alternative ? 'Or use a token you have' : 'Sign in with a token'),
    field('Access token (JWT from your identity provider)', 'signin-token', token),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Use this token')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    try {
      session.signIn(token.value);
      location.hash = session.takeDestination();
    } catch {
      showError(form, new Error('That is not a JWT (three base64url parts separated by dots).'));
    }
  });
  return form;
}
