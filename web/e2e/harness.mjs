// A small end-to-end harness: one Chromium (Debian's, no download), a fresh page per test, a screenshot per test,
// and an exit code that is the number of failed tests. No test framework: the tests are async functions.
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = (process.env.SWITCHBOARD_URL ?? 'http://localhost:8000').replace(/\/$/, '');
const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;

/** The demo account's credentials, from the data folder the server wrote them to. */
export function demoCredentials() {
  const file = process.env.SWITCHBOARD_CREDENTIALS ?? join(process.env.SWITCHBOARD_DATA ?? 'data', 'demo-credentials.txt');
  const text = readFileSync(file, 'utf8');
  const field = (name) => text.match(new RegExp(`^${name}: (.+)$`, 'm'))?.[1].trim();
  return { account: field('account'), username: field('username'), password: field('password') };
}

/** The API, for fixtures: what a test needs to exist before it starts, made as any client would. */
export class Api {
  static async signIn({ account, username, password }) {
    const credentials = createHash('md5').update(`${username}:${password}`).digest('hex');
    const res = await fetch(`${BASE}/v2/user_auth`, { method: 'PUT', body: JSON.stringify({ data: { credentials, account_name: account } }) });
    const body = await res.json();
    if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
    return new Api(body.auth_token, body.data.account_id);
  }

  constructor(token, accountId) {
    this.token = token;
    this.accountId = accountId;
  }

  async call(method, path, data) {
    const res = await fetch(`${BASE}/v2/accounts/${this.accountId}${path}`, {
      method,
      headers: { 'X-Auth-Token': this.token, 'Content-Type': 'application/json' },
      body: data === undefined ? undefined : JSON.stringify({ data }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
    return body.data;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}\n  expected ${e}\n  actual   ${a}`);
}

/** Runs the tests in order; each gets a fresh browser context and leaves a screenshot behind. */
export async function run(tests) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // playwright gives the browser a fresh temporary profile (--user-data-dir) of its own
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = 0;
  try {
    for (const [name, test] of Object.entries(tests)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // generous: the machine is shared, and a slow step is not a failure (timings are measured, not asserted)
      context.setDefaultTimeout(90_000);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const started = Date.now();
      try {
        await test(page, browser);
        if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
        console.log(`ok   ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}\n     ${String(e.stack ?? e).split('\n').join('\n     ')}`);
      } finally {
        const shot = join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        console.log(`     screenshot: ${shot}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(failed === 0 ? `all ${Object.keys(tests).length} e2e tests passed` : `${failed} e2e test(s) failed`);
  return failed;
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page, creds = demoCredentials()) {
  await page.goto(`${BASE}/`);
  await page.fill('input[name=username]', creds.username);
  await page.fill('input[name=password]', creds.password);
  await page.fill('input[name=account]', creds.account);
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
}

/** Drags a palette entry (by its label, in its category) onto a node of the canvas. */
export async function dropAction(page, category, label, target) {
  const group = page.locator('.palette-group', { has: page.locator('.palette-group-head', { hasText: category }) });
  const head = group.locator('.palette-group-head');
  if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
  const item = group.locator('.palette-item', { has: page.locator('.palette-item-label', { hasText: new RegExp(`^${label}$`) }) });
  await item.dragTo(target);
}

export const rootNode = (page) => page.locator('.react-flow__node[data-id="root"]');
export const actionNode = (page, label) => page.locator('.react-flow__node', { has: page.locator('.flow-node-label', { hasText: label }) });
