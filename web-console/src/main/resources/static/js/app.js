// The console's router: #/signin, #/profile, #/tickets, #/tickets/{id}, #/teams, #/teams/{id}.

import * as session from './session.js';
import { whenSignedOut } from './api.js';
import { replace, h, notice } from './dom.js';
import { renderSignIn } from './signin.js';
import { renderProfile } from './profile.js';
import { renderTickets } from './tickets.js';
import { renderTicket } from './ticket.js';
import { renderTeams } from './teams.js';
import { renderTeam } from './team.js';
import * as flash from './flash.js';

const routes = [
  [/^#\/signin$/, renderSignIn, null],
  [/^#\/profile$/, renderProfile, 'profile'],
  [/^#\/tickets$/, renderTickets, 'tickets'],
  [/^#\/tickets\/([0-9a-f-]{36})$/, renderTicket, 'tickets'],
  [/^#\/teams$/, renderTeams, 'teams'],
  [/^#\/teams\/([0-9a-f-]{36})$/, renderTeam, 'teams'],
];

const view = document.getElementById('view');
let cleanup = null;
let drawings = 0;

async function show() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  const user = session.current();
  const hash = location.hash || (user ? '#/tickets' : '#/signin');
  if (!user && hash !== '#/signin') {
    // a link from an SMS (#/tickets/{id}) opens once the user has signed in
    session.rememberDestination(hash);
    location.hash = '#/signin';
    return;
  }
  header(user);
  const route = routes.find(([pattern]) => pattern.test(hash));
  if (!route) {
    ++drawings;
    replace(view, h('h1', {}, 'Not found'), notice('bad', `Nothing at ${hash}.`));
    return;
  }
  const [pattern, render, section] = route;
  document.querySelectorAll('#nav a').forEach(link => link.classList.toggle('current', link.dataset.nav === section));
  const params = hash.match(pattern).slice(1);
  const message = flash.take();
  const drawing = ++drawings;
  // each page is drawn off-screen and shown once complete; a page left meanwhile is dropped
  const page = h('div', { class: 'page' });
  let stop = null;
  try {
    stop = (await render(page, user, ...params)) ?? null;
  } catch (error) {
    page.append(notice('bad', error.message ?? String(error)));
  }
  if (drawing !== drawings) {
    stop?.();
    return;
  }
  cleanup = stop;
  if (message) {
    const heading = page.querySelector('h1');
    const shown = notice(message.kind, message.text);
    if (heading) heading.insertAdjacentElement('afterend', shown);
    else page.prepend(shown);
  }
  view.replaceChildren(page);
}

function header(user) {
  document.getElementById('nav').hidden = !user;
  document.getElementById('who').hidden = !user;
  if (user) {
    document.getElementById('who-name').textContent = `${user.name} (${user.userId}${user.admin ? ', admin' : ''})`;
  }
}

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  location.hash = '#/signin';
});
whenSignedOut(() => { location.hash = '#/signin'; });
window.addEventListener('hashchange', show);
show();
