// "Your phone" in the local stack: the SMS the sms-sandbox received for a number, newest first, as the phone
// would show them. Only where the console is configured with a sandbox; real Twilio delivers to real phones.

import { get } from './api.js';
import { h, replace, when, badge, notice } from './dom.js';

/** @returns {{element, stop}} a card that refreshes itself every few seconds until stop() */
export function sandboxPhone(number, title = 'Your phone (sms-sandbox inbox)') {
  const list = h('ul', { 'aria-label': 'Messages on your phone' });
  const element = h('section', { class: 'card phone', id: 'sandbox-phone' },
    h('h2', {}, title),
    h('p', { class: 'hint' }, `What ${number} received. The sandbox stands in for the phone; with real Twilio the SMS arrive on the phone itself.`),
    list);
  const refresh = async () => {
    try {
      const answer = await get(`/sandbox/messages?to=${encodeURIComponent(number)}`, { anonymous: true });
      const messages = answer.data.filter(message => String(message.direction).startsWith('OUTBOUND')
          || String(message.direction).startsWith('outbound'));
      messages.sort((a, b) => String(b.receivedAt).localeCompare(String(a.receivedAt)));
      replace(list, messages.length === 0 ? h('li', { class: 'muted' }, 'No messages yet.') : messages.map(message =>
        h('li', { class: 'sms-message' },
          h('div', { class: 'sms' }, message.body),
          h('div', { class: 'hint' }, when(message.receivedAt), ' ', badge(String(message.status).toUpperCase(), message.status)))));
    } catch (error) {
      replace(list, notice('bad', `The sandbox did not answer: ${error.message}`));
    }
  };
  refresh();
  const timer = setInterval(refresh, 3000);
  return { element, stop: () => clearInterval(timer) };
}
