// One team: members (add, remove), pending invitations, and the escalation list, as profile-service's team API
// allows the caller (admins and the owner change them; members read).

import { get, put, del, segment, Problem } from './api.js';
import { h, option, when, notice, replace } from './dom.js';
import { field, showError } from './forms.js';
import { reload } from './flash.js';

export async function renderTeam(view, user, id) {
  const team = (await get(`/api/teams/${id}`)).data;
  const manager = user.admin || team.ownerId === user.userId;
  let members = [];
  let escalation = null;
  try {
    [members, escalation] = await Promise.all([
      get(`/api/teams/${id}/members`).then(answer => answer.data.map(member => member.userId)),
      get(`/api/teams/${id}/escalation`).then(answer => answer.data)]);
  } catch (error) {
    if (!(error instanceof Problem && error.status === 403)) throw error;
  }
  const invitations = manager ? (await get(`/api/teams/${id}/invitations`)).data : [];

  view.append(
    h('p', {}, h('a', { href: '#/teams' }, '← Teams')),
    h('h1', {}, team.name),
    h('p', { class: 'muted' }, `Owner ${team.ownerId ?? 'none'} · id ${team.id}`));
  if (escalation === null) {
    view.append(notice('info', 'You are invited to this team: accept or decline on the Teams page to see more.'));
    return;
  }
  view.append(h('div', { class: 'split' },
    memberList(team, members, invitations, manager, user),
    escalationEditor(team, members, escalation, manager)));
}

function memberList(team, members, invitations, manager, user) {
  const card = h('section', { class: 'card', id: 'members' }, h('h2', {}, `Members (${members.length})`));
  card.append(members.length === 0 ? h('p', { class: 'muted' }, 'Nobody yet.') : h('table', {}, h('tbody', {},
    members.map(member => h('tr', {},
      h('td', {}, member, member === user.userId ? ' (you)' : ''),
      h('td', {}, manager ? h('button', { type: 'button', class: 'small secondary', 'aria-label': `Remove ${member}`,
        onclick: () => remove(card, team, member) }, 'Remove') : null))))));
  if (invitations.length > 0) {
    card.append(h('h2', {}, 'Invited'), h('table', {}, h('tbody', {}, invitations.map(invitation => h('tr', {},
      h('td', {}, invitation.userId), h('td', { class: 'muted' }, `since ${when(invitation.invitedAt)}`),
      h('td', {}, h('button', { type: 'button', class: 'small secondary', onclick: () => remove(card, team, invitation.userId) },
        'Withdraw')))))));
  }
  if (manager) card.append(addMemberForm(team, user));
  return card;
}

async function remove(card, team, userId) {
  try {
    await del(`/api/teams/${team.id}/members/${segment(userId)}`);
    reload('ok', `${userId} is no longer in ${team.name}.`);
  } catch (error) {
    showError(card, error);
  }
}

function addMemberForm(team, user) {
  const userId = h('input', { dataset: { field: 'userId' }, placeholder: 'user id' });
  const form = h('form', { id: 'add-member' },
    h('div', { class: 'row' }, field('Add member (user id)', 'member-id', userId),
      h('div', { class: 'fixed' }, h('button', { type: 'submit' }, 'Add'))),
    h('p', { class: 'hint' }, user.admin ? 'As an admin you enrol them at once.'
        : 'Anyone but you is invited, and becomes a member once they accept.'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const id = userId.value.trim();
    try {
      const answer = await put(`/api/teams/${team.id}/members/${segment(id)}`);
      reload('ok', answer.status === 202 ? `${id} is invited; they become a member once they accept.` : `${id} is a member.`);
    } catch (error) {
      showError(form, error);
    }
  });
  return form;
}

function escalationEditor(team, members, escalation, manager) {
  const order = [...escalation.userIds];
  const card = h('section', { class: 'card', id: 'escalation' },
    h('h2', {}, 'Escalation'),
    h('p', { class: 'hint' }, 'A CRITICAL ticket nobody takes is texted to these members one after another, then to the lead.'));
  const list = h('ol', { class: 'escalation', dataset: { field: 'userIds' } });
  const draw = () => {
    replace(list, order.map((userId, index) => h('li', { dataset: { field: `userIds[${index}]` } }, userId, manager ? [' ',
      h('button', { type: 'button', class: 'small secondary', disabled: index === 0, 'aria-label': `Move ${userId} up`,
        onclick: () => { order.splice(index - 1, 0, order.splice(index, 1)[0]); draw(); } }, '↑'), ' ',
      h('button', { type: 'button', class: 'small secondary', disabled: index === order.length - 1, 'aria-label': `Move ${userId} down`,
        onclick: () => { order.splice(index + 1, 0, order.splice(index, 1)[0]); draw(); } }, '↓'), ' ',
      h('button', { type: 'button', class: 'small secondary', 'aria-label': `Take ${userId} off the list`,
        onclick: () => { order.splice(index, 1); draw(); } }, '✕')] : null)));
    if (order.length === 0) list.append(h('li', { class: 'muted' }, 'Nobody: the lead is texted at once.'));
    if (picker) {
      replace(picker, option('', 'Add a member…'),
        members.filter(member => !order.includes(member)).map(member => option(member, member)));
    }
  };
  const picker = manager ? h('select', { id: 'escalation-add', 'aria-label': 'Add to the escalation list' }) : null;
  draw();
  card.append(list, h('p', {}, `Then the lead: ${escalation.lead ?? 'none'}`));
  if (!manager) return card;
  picker.addEventListener('change', () => {
    if (picker.value) order.push(picker.value);
    draw();
  });
  const form = h('form', {}, picker, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save escalation list')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await put(`/api/teams/${team.id}/escalation`, { userIds: order });
      reload('ok', 'Escalation list saved.');
    } catch (error) {
      showError(card, error);
    }
  });
  card.append(form);
  return card;
}
