// End-to-end tests of the builder against a running server (SWITCHBOARD_URL, and SWITCHBOARD_DATA or
// SWITCHBOARD_CREDENTIALS for the demo account). Exits with the number of failed tests.
import { Api, BASE, actionNode, assert, assertEqual, demoCredentials, dropAction, rootNode, run, signIn } from './harness.mjs';

const creds = demoCredentials();
const api = await Api.signIn(creds);
const suffix = Date.now().toString(36);
const erin = await api.call('PUT', '/users', { first_name: 'Erin', last_name: `Example ${suffix}` });
const vmbox = await api.call('PUT', '/vmboxes', { name: `Erin's mailbox ${suffix}`, mailbox: String(4000 + Math.floor(Math.random() * 5000)), owner_id: erin.id });
const hours = await api.call('PUT', '/temporal_rules', {
  name: `Office hours ${suffix}`, cycle: 'weekly', interval: 1,
  wdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], time_window_start: 32400, time_window_stop: 61200,
});
const extension = String(2000 + Math.floor(Math.random() * 900));

/** Waits (up to the default timeout) for what a step should show; fails naming it. */
async function shows(locator, what) {
  try {
    await locator.first().waitFor({ state: 'visible' });
  } catch {
    throw new Error(`assertion failed: ${what}`);
  }
}

async function openNewCallflow(page) {
  await signIn(page, creds);
  await page.click('text=New callflow');
  await page.waitForSelector('.react-flow__node[data-id="root"]');
}

/** Picks a document by name in the side panel's picker of one field. */
async function pick(page, fieldLabel, name) {
  const field = page.locator('.builder-panel .field', { has: page.locator('.field-label', { hasText: fieldLabel }) }).first();
  await field.locator('input[role=combobox]').click();
  await page.locator('.picker-option', { hasText: name }).first().click();
}

async function addNumber(page, number) {
  await rootNode(page).locator('button', { hasText: /Add a number|Numbers/ }).click();
  await page.fill('input[name=new-number]', number);
  await page.press('input[name=new-number]', 'Enter');
}

/** Saves and waits until the builder shows the callflow saved (or fails with the error it shows). */
async function save(page) {
  await page.click('button[name=save]');
  await page.waitForFunction(() => document.querySelector('.toast-error')
    || (/\/callflows\/[0-9a-f]{32}$/.test(location.pathname) && !document.querySelector('.builder-title .badge-warning')
      && document.querySelector('button[name=save]:disabled')), null, { polling: 100 });
  const error = page.locator('.toast-error');
  if (await error.count()) throw new Error(`the save failed: ${await error.first().textContent()}`);
}

function callflowIdOf(page) {
  const id = new URL(page.url()).pathname.split('/').pop();
  assert(id && id !== 'new', `the address names the saved callflow (${page.url()})`);
  return id;
}

const tests = {
  async signInThroughTheUi(page) {
    await signIn(page, creds);
    await page.waitForSelector('h1:has-text("Callflows")');
    await page.reload();
    await page.waitForSelector('h1:has-text("Callflows")');
    await shows(page.locator('text=Sign out'), 'still signed in after a reload');
  },

  async extensionUserVoicemailByDragAndDrop(page) {
    await openNewCallflow(page);
    await dropAction(page, 'Basic', 'User', rootNode(page));
    await pick(page, 'User', `Erin Example ${suffix}`);
    await dropAction(page, 'Basic', 'Voicemail', actionNode(page, 'User'));
    await pick(page, 'Voicemail box', `Erin's mailbox ${suffix}`);
    await addNumber(page, extension);
    await page.fill('input[name=callflow-name]', `Erin ${suffix}`);
    await save(page);
    const id = callflowIdOf(page);
    await page.reload();
    await page.waitForSelector('.flow-node');
    await shows(actionNode(page, 'User').locator(`text=Erin Example ${suffix}`), 'the user node names Erin after a reload');
    await shows(actionNode(page, 'Voicemail').locator(`text=Erin's mailbox ${suffix}`), 'the voicemail node names the box');
    await shows(rootNode(page).locator(`text=${extension}`), 'the extension is on the callflow box');
    const saved = await api.call('GET', `/callflows/${id}`);
    assertEqual(saved.numbers, [extension], 'numbers saved');
    assertEqual(saved.flow.module, 'user', 'first action');
    assertEqual(saved.flow.data.id, erin.id, 'user id');
    assertEqual(Object.keys(saved.flow.children), ['_'], 'one next step');
    assertEqual(saved.flow.children._.module, 'voicemail', 'then voicemail');
    assertEqual(saved.flow.children._.data.id, vmbox.id, 'vmbox id');
    assert(!(await page.isVisible('text=Unsaved changes')), 'nothing unsaved after the reload');
  },

  async menuWithTwoKeysAndATimeout(page) {
    await openNewCallflow(page);
    await dropAction(page, 'Basic', 'Menu', rootNode(page));
    await dropAction(page, 'Basic', 'User', actionNode(page, 'Menu'));
    await page.click('.key-choice[data-key="1"]');
    await pick(page, 'User', `Erin Example ${suffix}`);
    await dropAction(page, 'Basic', 'Voicemail', actionNode(page, 'Menu'));
    await page.click('.key-choice[data-key="2"]');
    await dropAction(page, 'Basic', 'Media', actionNode(page, 'Menu'));
    await page.click('.key-choice[data-key="timeout"]');
    for (const label of ['Press 1', 'Press 2', 'Timeout']) await shows(page.locator(`.flow-edge-label:has-text("${label}")`), `edge "${label}"`);
    await addNumber(page, `*8${extension}`);
    await page.fill('input[name=callflow-name]', `Menu ${suffix}`);
    await save(page);
    const saved = await api.call('GET', `/callflows/${callflowIdOf(page)}`);
    assertEqual(saved.flow.module, 'menu', 'menu first');
    assertEqual(Object.keys(saved.flow.children).sort(), ['1', '2', 'timeout'], 'keys 1, 2 and timeout');
    assertEqual(saved.flow.children['1'].module, 'user', 'press 1 rings the user');
    assertEqual(saved.flow.children.timeout.module, 'play', 'timeout plays media');
  },

  async timeOfDayBranch(page) {
    await openNewCallflow(page);
    await dropAction(page, 'Time of Day', 'Time of Day', rootNode(page));
    await dropAction(page, 'Basic', 'User', actionNode(page, 'Time of Day'));
    await page.click(`.key-choice:has-text("Office hours ${suffix}")`);
    await dropAction(page, 'Basic', 'Voicemail', actionNode(page, 'Time of Day'));
    await page.click('.key-choice[data-key="_"]');
    await shows(page.locator(`.flow-edge-label:has-text("Office hours ${suffix}")`), 'the edge names the rule');
    await shows(page.locator('.flow-edge-label:has-text("All other times")'), 'the default edge reads "All other times"');
    await addNumber(page, `*7${extension}`);
    await save(page);
    const saved = await api.call('GET', `/callflows/${callflowIdOf(page)}`);
    assertEqual(saved.flow.module, 'temporal_route', 'time of day first');
    assertEqual(Object.keys(saved.flow.children).sort(), [hours.id, '_'].sort(), 'a branch per rule and all other times');
  },

  async duplicateNumberErrorOnTheNumberField(page) {
    await openNewCallflow(page);
    await dropAction(page, 'Basic', 'User', rootNode(page));
    await addNumber(page, extension);
    await shows(page.locator('.number-row .field-error', { hasText: 'Also on' }), 'the number is shown as used elsewhere before saving');
    await page.click('button[name=save]');
    const error = page.locator('#numbers-error');
    await error.waitFor();
    const text = await error.textContent();
    assert(text.includes(`Number ${extension} exists in callflow`), `the server's uniqueness error is on the number field: ${text}`);
    await shows(page.locator('text=Unsaved changes'), 'the callflow stays unsaved');
  },

  async copyACallflow(page) {
    await signIn(page, creds);
    await page.fill('input[aria-label="Search callflows"]', `Erin ${suffix}`);
    await page.click(`.callflow-row-link:has-text("Erin ${suffix}")`);
    await page.waitForSelector('.flow-node');
    const original = callflowIdOf(page);
    await page.click('button:has-text("Copy")');
    await page.waitForURL((url) => !url.pathname.endsWith(original) && /\/callflows\/[0-9a-f]+$/.test(url.pathname));
    await page.waitForSelector(`h1:has-text("Erin ${suffix} (copy)")`);
    const copy = await api.call('GET', `/callflows/${callflowIdOf(page)}`);
    assertEqual(copy.name, `Erin ${suffix} (copy)`, 'named as a copy');
    assertEqual(copy.numbers ?? [], [], 'without numbers');
    assertEqual(copy.flow.module, 'user', 'same flow');
    assertEqual(copy.flow.children._.data.id, vmbox.id, 'same flow below');
  },

  async simulationLightsThePath(page) {
    await signIn(page, creds);
    await page.fill('input[aria-label="Search callflows"]', `Menu ${suffix}`);
    await page.click(`.callflow-row-link:has-text("Menu ${suffix}")`);
    await page.waitForSelector('.flow-node');
    await page.click('button:has-text("Test")');
    await page.click('button:has-text("Press keys")');
    await page.fill('input[name=sim-dtmf-0]', '1');
    await page.click('button[name=run-simulation]');
    await page.waitForSelector('.timeline-step');
    const lit = await page.locator('.flow-node.path-on, .flow-node.path-end').count();
    assert(lit >= 2, `the menu and the user are on the path (${lit} nodes lit)`);
    assert(await actionNode(page, 'Menu').locator('.flow-node.path-on, .flow-node.path-end').count() === 1
      || (await page.locator('.flow-node.path-on[data-module="menu"], .flow-node.path-end[data-module="menu"]').count()) === 1, 'the menu is lit');
    assert(await page.locator('.flow-node[data-module="user"].path-on, .flow-node[data-module="user"].path-end').count() === 1, 'press 1 reached the user');
    assert(await page.locator('.flow-node[data-module="voicemail"].path-on').count() === 0, 'press 2 was not taken');
    await shows(page.locator('.timeline-result'), 'the timeline says how the call ended');
  },

  /** Not a pass/fail on time (timings belong in bench/RESULTS.md): it prints how long a 300-node flow takes. */
  async bigCallflowOpensQuickly(page, browser) {
    const big = await api.call('PUT', '/callflows', { name: `Big ${suffix}`, numbers: [`*9${extension}`], flow: bigFlow(300) });
    await signIn(page, creds);
    // open = every node laid out (the minimap draws them all), the top of the flow drawn, and a click selects
    const opened = async () => {
      await page.waitForFunction(() => document.querySelectorAll('.react-flow__minimap-node').length >= 301, null, { timeout: 60000, polling: 50 });
      await page.locator('.react-flow__node[data-id="n1"]').click();
      await page.waitForSelector('.builder-panel .panel-title');
    };
    // in the app, from the list (the way people open a callflow)
    await page.fill('input[aria-label="Search callflows"]', `Big ${suffix}`);
    const row = page.locator(`.callflow-row-link:has-text("Big ${suffix}")`);
    await row.waitFor();
    let start = Date.now();
    await row.click();
    await opened();
    const inApp = Date.now() - start;
    // and as a fresh page load of its address (everything fetched again, schemas included); the browser's CPU
    // time says how much of the wait was work, on a machine whose cores other processes share
    const cdp = await browser.newBrowserCDPSession();
    const cpu = async () => (await cdp.send('SystemInfo.getProcessInfo')).processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
    const cpuBefore = await cpu();
    start = Date.now();
    await page.goto(`${BASE}/callflows/${big.id}`);
    await opened();
    const fresh = Date.now() - start;
    const cpuUsed = Math.round((await cpu() - cpuBefore) * 1000);
    assertEqual(await page.locator('.react-flow__minimap-node').count(), 301, 'every node and the callflow box are laid out');
    const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    console.log(`     perf: 300-node callflow open, laid out and interactive: ${inApp} ms from the list, ${fresh} ms as a fresh page load `
      + `(browser CPU time ${cpuUsed} ms; load average ${load} on ${(await import('node:os')).cpus().length} cores)`);
  },
};

/** A callflow of `size` nodes: menus of nine keys, users with a busy branch, media, breadth first. */
function bigFlow(size) {
  const root = { module: 'menu', data: {}, children: {} };
  const queue = [root];
  let count = 1;
  let turn = 0;
  while (count < size) {
    const parent = queue.shift();
    const keys = parent.module === 'menu' ? ['1', '2', '3', '4', '5', '6', '7', '8', '9'] : parent.module === 'user' ? ['_', 'USER_BUSY'] : ['_'];
    for (const key of keys) {
      if (count >= size) break;
      const module = ['menu', 'user', 'play', 'user'][turn++ % 4];
      const child = { module, data: module === 'user' ? { id: erin.id } : module === 'play' ? { id: 'tone_stream://%(200,0,500)' } : {}, children: {} };
      parent.children[key] = child;
      queue.push(child);
      count++;
    }
  }
  return root;
}

console.log(`e2e against ${BASE}`);
process.exit(await run(tests));
