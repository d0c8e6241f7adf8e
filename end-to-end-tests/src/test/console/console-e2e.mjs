// Drives the web console in headless Chromium as a person would: signs in with the dev issuer, creates a team,
// sets and confirms a phone number (the code read from the sandbox phone on the page), opens a ticket, moves it,
// and waits until the page shows the SMS the phone got. WebConsoleEndToEndIT starts the system and the console,
// runs this script and checks the sandbox and the ledger itself; the last line printed is the JSON it reads.
//
// Environment: CONSOLE_URL, CHROMIUM (the browser binary), SCREENSHOTS (a folder), PHONE_NATIONAL / PHONE_E164
// (a US number), USER_ID.

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const consoleUrl = required('CONSOLE_URL');
const screenshots = required('SCREENSHOTS');
const phoneNational = required('PHONE_NATIONAL');
const phone = required('PHONE_E164');
const userId = required('USER_ID');
const TIMEOUT = 30_000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function step(text) {
  console.error(`[console-e2e] ${new Date().toISOString()} ${text}`);
}

mkdirSync(screenshots, { recursive: true });
const profileDir = mkdtempSync(join(tmpdir(), 'console-e2e-chromium-'));
// playwright's launch() creates a fresh --user-data-dir itself; these flags keep chromium off the network
const browser = await chromium.launch({
  executablePath: required('CHROMIUM'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  env: { ...process.env, HOME: profileDir },
  timeout: 60_000,
});
const result = {};
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  // the browser logs every 4xx as a console error too; those are recorded below, with their request
  page.on('console', message => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  const refused = [];
  page.on('response', response => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });

  step('sign in with the dev issuer');
  await page.goto(consoleUrl);
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  await page.getByLabel('User id').fill(userId);
  await page.getByLabel('Display name').fill('Erin Example');
  await page.getByLabel('Administrator (role admin)').check();
  await shoot(page, 'sign-in');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Profile' }).waitFor();
  await page.locator('#who-name').filter({ hasText: `(${userId}, admin)` }).waitFor();

  step('team admin: a new team, the user and a colleague in it, the colleague on the escalation list');
  await page.getByRole('link', { name: 'Teams', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('Console team');
  await page.getByRole('button', { name: 'Create team' }).click();
  await page.getByRole('heading', { name: 'Console team' }).waitFor();
  result.teamId = page.url().split('/').pop();
  for (const member of [userId, 'frank']) {
    await page.getByLabel('Add member (user id)').fill(member);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText(`${member} is a member.`).waitFor();
  }
  await page.getByLabel('Add to the escalation list').selectOption('frank');
  await page.getByRole('button', { name: 'Save escalation list' }).click();
  await page.getByText('Escalation list saved.').waitFor();
  await page.locator('#escalation li').filter({ hasText: 'frank' }).waitFor();
  await shoot(page, 'team-admin');

  step('profile: a landline is refused as it is typed, the national number with its country is taken');
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await page.getByRole('heading', { name: 'Profile' }).waitFor();
  const check = page.locator('#phone-check');
  await page.getByLabel('Mobile number').fill('+44 20 7946 0958');
  await check.filter({ hasText: 'landline' }).waitFor();
  result.landlineAnswer = await check.textContent();
  await page.locator('#profile-form').screenshot({ path: join(screenshots, 'phone-check.png') });
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Mobile number').fill(phoneNational);
  await check.filter({ hasText: 'can receive SMS' }).waitFor();
  result.numberAnswer = await check.textContent();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(`A code is on its way to ${phone}`).waitFor();

  step('read the code the phone got (the sandbox inbox on the page) and type it back');
  const codeMessage = page.locator('#sandbox-phone .sms').filter({ hasText: 'verification code' }).first();
  await codeMessage.waitFor({ timeout: 60_000 });
  const code = (await codeMessage.textContent()).match(/verification code is (\d{6})/)[1];
  await page.getByLabel('Verification code').fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText('Your number is verified').waitFor();
  await page.locator('#consent-history td').filter({ hasText: 'Verification' }).first().waitFor();

  step('open a ticket for the team');
  await page.getByRole('link', { name: 'Tickets', exact: true }).click();
  await page.getByRole('heading', { name: 'Tickets' }).waitFor();
  const form = page.locator('#new-ticket');
  await form.getByLabel('Title').fill('Printer on fire');
  await form.getByLabel('Team').selectOption({ label: 'Console team' });
  await form.getByLabel('Severity').selectOption('HIGH');
  await form.getByLabel('Category').fill('Facilities');
  await form.getByLabel('Description').fill('Smoke from the 3rd floor printer');
  await form.getByRole('button', { name: 'Open ticket' }).click();
  await page.getByText(/Ticket #\d+ opened/).waitFor();
  result.ticketId = page.url().split('/').pop();
  result.statusOptionsBefore = await statusOptions(page);

  step('move it to In progress: the selector offers only what the workflow allows');
  await page.getByLabel('New status').selectOption('IN_PROGRESS');
  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByText('Now In progress; the team is being texted.').waitFor();
  await page.locator('#ticket-status').filter({ hasText: 'In progress' }).waitFor();
  result.statusOptionsAfter = await statusOptions(page);
  await page.locator('#delivery-log tr').filter({ hasText: 'Ticket status changed' }).filter({ hasText: 'Delivered' }).first()
    .waitFor({ timeout: 60_000 });
  await page.locator('#delivery-log tr').filter({ hasText: 'Ticket created' }).filter({ hasText: 'Delivered' }).first()
    .waitFor({ timeout: 60_000 });
  await shoot(page, 'ticket');

  await page.getByRole('link', { name: '← Tickets' }).click();
  await page.locator('#ticket-list').getByRole('link', { name: 'Printer on fire' }).waitFor();
  await shoot(page, 'tickets');

  step('the phone got the ticket and its status change');
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await page.locator('#sandbox-phone .sms').filter({ hasText: 'Ticket Status Updated' }).first().waitFor({ timeout: 60_000 });
  await page.locator('#sandbox-phone .sms').filter({ hasText: 'New Support Ticket Created' }).first().waitFor();
  result.phoneShows = await page.locator('#sandbox-phone .sms').allTextContents();
  await shoot(page, 'profile');

  step('signed out, a link to the ticket (as an SMS carries it) opens the ticket once signed in again');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto(`${consoleUrl}#/tickets/${result.ticketId}`);
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  await page.getByLabel('User id').fill(userId);
  await page.getByLabel('Administrator (role admin)').check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: /Printer on fire/ }).waitFor();
  result.afterSignIn = new URL(page.url()).hash;

  result.problems = problems;
  result.refused = refused;
  step('done');
} catch (error) {
  // what the page showed when it went wrong, for whoever reads the failure
  for (const context of browser.contexts()) {
    for (const [index, page] of context.pages().entries()) {
      await page.screenshot({ path: join(screenshots, `failure-${index}.png`), fullPage: true }).catch(() => {});
      step(`page ${index} at ${page.url()} when it failed: ${(await page.locator('main').innerText().catch(() => '')).slice(0, 2000)}`);
    }
  }
  throw error;
} finally {
  await browser.close();
  rmSync(profileDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));

async function statusOptions(page) {
  return page.getByLabel('New status').locator('option').evaluateAll(options => options.map(o => o.value));
}

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}
