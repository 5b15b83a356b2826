// End-to-end tests of the entity pages against a running server (SWITCHBOARD_URL, and SWITCHBOARD_DATA or
// SWITCHBOARD_CREDENTIALS for the demo account), with the harness of run.mjs. Exits with the number of failed tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api, BASE, assert, assertEqual, demoCredentials, run, signIn } from './harness.mjs';

const creds = demoCredentials();
const api = await Api.signIn(creds);
const suffix = Date.now().toString(36);
const files = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));

/** A one-second 440 Hz tone as 8 kHz 16-bit mono WAV: real audio the server accepts and a browser can play. */
function toneWav() {
  const rate = 8000;
  const samples = rate;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const wavPath = join(files, 'tone.wav');
writeFileSync(wavPath, toneWav());
const notAudioPath = join(files, 'notes.txt');
writeFileSync(notAudioPath, 'this is not audio');

/** Signs in and opens a page of the app. */
async function open(page, path) {
  await signIn(page, creds);
  await page.goto(`${BASE}${path}`);
  await page.waitForSelector('.page-header');
}

async function create(page, noun) {
  await page.click(`.editor-header button:has-text("Create ${noun}")`);
  await page.waitForSelector(`.toast:has-text("was created")`, { timeout: 15000 });
  await page.waitForURL((url) => !url.pathname.endsWith('/new'));
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
}

/** Waits until the page's audio element has loaded something that plays for about the given seconds. */
async function assertPlayable(page, seconds) {
  const audio = page.locator('audio').first();
  await audio.waitFor();
  await page.waitForFunction(() => {
    const a = document.querySelector('audio');
    return a && a.readyState >= 1 && Number.isFinite(a.duration);
  }, null, { timeout: 10000 });
  const duration = await audio.evaluate((a) => a.duration);
  assert(Math.abs(duration - seconds) < 0.2, `the audio plays for ${seconds} s (it is ${duration} s)`);
}

const tests = {
  async createAUser(page) {
    await open(page, '/users/new');
    await page.fill('input[name=first_name]', 'Grace');
    await page.fill('input[name=last_name]', `Hopper ${suffix}`);
    await page.fill('input[name=username]', `grace.${suffix}`);
    await page.fill('input[name=password]', 'correct horse battery');
    const id = await create(page, 'user');
    await page.waitForSelector(`.entity-row.is-selected:has-text("Grace Hopper ${suffix}")`);
    const saved = await api.call('GET', `/users/${id}`);
    assertEqual([saved.first_name, saved.last_name, saved.username], ['Grace', `Hopper ${suffix}`, `grace.${suffix}`], 'the user as typed');
    assert(saved.password === undefined, 'the password is not stored as sent');
    await page.fill('input[aria-label="Search users"]', `Hopper ${suffix}`);
    // the other users (Alice, Bob, the admin…) leave the list once the server has answered the search
    await page.waitForFunction(() => document.querySelectorAll('.entity-row').length === 1, null, { timeout: 10000 });
    assert(await page.isVisible(`.entity-row:has-text("Grace Hopper ${suffix}")`), 'the server search finds her');
  },

  async aDeviceShowsItsSipCredentials(page) {
    await open(page, '/devices/new');
    await page.fill('input[name=name]', `Desk phone ${suffix}`);
    const username = await page.inputValue('section[aria-label="SIP credentials"] input.mono >> nth=0');
    assert(/^user_[a-z0-9]{6}$/.test(username), `a SIP user name is made for a new device (${username})`);
    const id = await create(page, 'device');
    const saved = await api.call('GET', `/devices/${id}`);
    const account = await fetch(`${BASE}/v2/accounts/${api.accountId}`, { headers: { 'X-Auth-Token': api.token } }).then((r) => r.json());
    assertEqual(saved.sip.username, username, 'the user name shown is the one saved');
    const password = page.locator('section[aria-label="SIP credentials"] input[autocomplete=new-password]');
    assertEqual(await password.getAttribute('type'), 'password', 'the password is hidden at first');
    await page.click('button[aria-label="Show the password"]');
    assertEqual(await password.getAttribute('type'), 'text', 'Show reveals it');
    assertEqual(await password.inputValue(), saved.sip.password, 'the password shown is the one saved');
    assertEqual(await page.textContent('[data-testid=sip-realm]'), account.data.realm, 'the realm is the account’s');
    await page.waitForSelector('section[aria-label="Registration"] [data-registration]');
    const state = await page.getAttribute('section[aria-label="Registration"] [data-registration]', 'data-registration');
    assert(['unknown', 'unregistered'].includes(state), `a phone that never registered is not shown as registered (${state})`);
    await page.click('button:has-text("Regenerate")');
    assert((await password.inputValue()) !== saved.sip.password, 'Regenerate makes a new password');
    await page.click('.editor-header button:has-text("Save")');
    await page.waitForSelector('.toast:has-text("Saved")');
    assertEqual((await api.call('GET', `/devices/${id}`)).sip.password, await password.inputValue(), 'the new password is saved');
  },

  async aVoicemailBoxPlaysItsMessages(page) {
    const mailbox = String(5000 + Math.floor(Math.random() * 4000));
    await open(page, '/vmboxes/new');
    await page.fill('input[name=name]', `Support box ${suffix}`);
    await page.fill('input[name=mailbox]', mailbox);
    const id = await create(page, 'voicemail box');
    await page.waitForSelector('section[aria-label="Messages"]:has-text("No new messages")');
    const message = await api.call('PUT', `/vmboxes/${id}/messages`, { caller_id_name: 'Ada', caller_id_number: '+14155550123', length: 1000 });
    const upload = await fetch(`${BASE}/v2/accounts/${api.accountId}/vmboxes/${id}/messages/${message.id}/raw`, {
      method: 'PUT', headers: { 'X-Auth-Token': api.token, 'Content-Type': 'audio/wav' }, body: toneWav(),
    });
    assert(upload.ok, `the message audio is stored (${upload.status})`);
    await page.reload();
    await page.waitForSelector('table.messages tr:has-text("Ada")');
    await page.click('button[aria-label="Play message from Ada"]');
    await assertPlayable(page, 1);
    await page.click('button[aria-label="Mark the message from Ada saved"]');
    await page.waitForSelector('.toast:has-text("marked saved")');
    assertEqual((await api.call('GET', `/vmboxes/${id}/messages/${message.id}`)).folder, 'saved', 'the message moved to saved');
    await page.click('[role=tab]:has-text("Saved")');
    await page.click('button[aria-label="Delete the message from Ada"]');
    await page.click('.dialog button:has-text("Delete message")');
    await page.waitForSelector('.toast:has-text("deleted")');
    assertEqual((await api.call('GET', `/vmboxes/${id}/messages/${message.id}`)).folder, 'deleted', 'the message moved to deleted');
  },

  async uploadAWavMediaAndPlayIt(page) {
    await open(page, '/media/new');
    await page.fill('input[name=name]', `Welcome ${suffix}`);
    await page.setInputFiles('input[aria-label="Audio file"]', wavPath);
    const id = await create(page, 'media');
    const saved = await api.call('GET', `/media/${id}`);
    assert(/wav/.test(saved.content_type ?? ''), `the upload is stored as WAV (${saved.content_type})`);
    await page.click('button[aria-label="Play this media"]');
    await assertPlayable(page, 1);
    await page.setInputFiles('input[aria-label="Audio file"]', notAudioPath);
    await page.waitForSelector('text=The server refused the file');
    assert(await page.isVisible('text=WAV, MP3 or Ogg'), 'the server’s own reason is shown');
  },

  async aTimeOfDayRuleWithItsPreview(page) {
    await open(page, '/temporal-rules/new');
    await page.fill('input[name=name]', `Mon and Wed ${suffix}`);
    for (const day of ['tuesday', 'thursday', 'friday']) await page.click(`.weekday-picker button[aria-label=${day}]`);
    const dates = await page.locator('[data-testid=occurrences] time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    assertEqual(dates.length, 8, 'eight upcoming dates');
    for (const d of dates) {
      const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
      assert(weekday === 1 || weekday === 3, `${d} is a Monday or a Wednesday`);
    }
    assert(await page.isVisible('text=Every week on Mon and Wed, 09:00–17:00'), 'the rule in words');
    assert((await page.locator('.month-grid td.is-on').count()) >= 6, 'the calendar marks the days');
    const id = await create(page, 'time of day rule');
    const saved = await api.call('GET', `/temporal_rules/${id}`);
    assertEqual([saved.cycle, saved.wdays, saved.time_window_start, saved.time_window_stop], ['weekly', ['monday', 'wednesday'], 32400, 61200], 'the rule as chosen');
  },

  async aGroupWithTwoMembers(page) {
    const user = await api.call('PUT', '/users', { first_name: 'Linus', last_name: `Member ${suffix}` });
    const device = await api.call('PUT', '/devices', { name: `Lobby phone ${suffix}`, sip: { username: `lobby_${suffix}`, password: 'secret1234' } });
    await open(page, '/groups/new');
    await page.fill('input[name=name]', `Front desk ${suffix}`);
    for (const name of [`Linus Member ${suffix}`, `Lobby phone ${suffix}`]) {
      await page.fill('input[placeholder="Find a user or device to add"]', name);
      await page.click(`.picker-option:has-text("${name}")`);
    }
    await page.fill(`input[aria-label="Delay before ringing Lobby phone ${suffix}, seconds"]`, '5');
    await page.click(`button[aria-label="Move Lobby phone ${suffix} up"]`);
    const id = await create(page, 'group');
    const saved = await api.call('GET', `/groups/${id}`);
    assertEqual(saved.endpoints[device.id], { type: 'device', weight: 1, delay: 5 }, 'the device rings first, after 5 s');
    assertEqual(saved.endpoints[user.id], { type: 'user', weight: 2 }, 'then the user');
  },

  async someoneElsesSaveIsNotOverwritten(page) {
    const menu = await api.call('PUT', '/menus', { name: `Main menu ${suffix}` });
    await open(page, `/menus/${menu.id}`);
    await page.waitForSelector('input[name=name]');
    await api.call('POST', `/menus/${menu.id}`, { name: `Renamed elsewhere ${suffix}` });
    await page.fill('input[name=name]', `Renamed here ${suffix}`);
    await page.click('.editor-header button:has-text("Save")');
    await page.waitForSelector('text=Someone else changed this menu');
    assertEqual((await api.call('GET', `/menus/${menu.id}`)).name, `Renamed elsewhere ${suffix}`, 'the other save is kept');
    await page.click('button:has-text("Reload their version")');
    await page.waitForFunction((name) => document.querySelector('input[name=name]')?.value === name, `Renamed elsewhere ${suffix}`);
    await page.fill('input[name=name]', `Renamed here ${suffix}`);
    await page.click('.editor-header button:has-text("Save")');
    await page.waitForSelector('.toast:has-text("Saved")');
    assertEqual((await api.call('GET', `/menus/${menu.id}`)).name, `Renamed here ${suffix}`, 'after the reload the save goes through');
  },

  async theServersErrorIsOnItsField(page) {
    const taken = await api.call('PUT', '/vmboxes', { name: `Taken ${suffix}`, mailbox: String(1000 + Math.floor(Math.random() * 900)) });
    await open(page, '/vmboxes/new');
    await page.fill('input[name=name]', `Clash ${suffix}`);
    await page.fill('input[name=mailbox]', taken.mailbox);
    await page.click('.editor-header button:has-text("Create voicemail box")');
    const field = page.locator('.field', { has: page.locator('input[name=mailbox]') });
    await field.locator('.field-error').waitFor();
    assert((await field.locator('.field-error').textContent()).includes('already exists'), 'the uniqueness error is under the mailbox');
    assertEqual(await page.getAttribute('input[name=mailbox]', 'aria-invalid'), 'true', 'the field is marked invalid');
    assert(page.url().endsWith('/vmboxes/new'), 'nothing was created');
  },

  async bulkDeleteAsksFirst(page) {
    const made = [];
    for (const n of [1, 2, 3]) made.push(await api.call('PUT', '/conferences', { name: `Bulk ${suffix} ${n}` }));
    await open(page, '/conferences');
    await page.fill('input[aria-label="Search conferences"]', `Bulk ${suffix}`);
    await page.waitForFunction(() => document.querySelectorAll('.entity-row').length === 3, null, { timeout: 10000 });
    await page.check(`input[aria-label="Select Bulk ${suffix} 1"]`);
    await page.check(`input[aria-label="Select Bulk ${suffix} 2"]`);
    await page.click('button:has-text("Delete 2")');
    await page.waitForSelector('.dialog:has-text("Delete 2 conferences?")');
    await page.click('.dialog button:has-text("Cancel")');
    assertEqual((await api.call('GET', `/conferences/${made[0].id}`)).name, `Bulk ${suffix} 1`, 'cancel deletes nothing');
    await page.click('button:has-text("Delete 2")');
    await page.click('.dialog button:has-text("Delete 2")');
    await page.waitForSelector('.toast:has-text("2 conferences deleted")');
    await page.waitForFunction(() => document.querySelectorAll('.entity-row').length === 1, null, { timeout: 10000 });
    const left = await api.call('GET', '/conferences?paginate=false');
    assertEqual(left.filter((c) => c.name?.startsWith(`Bulk ${suffix}`)).map((c) => c.name), [`Bulk ${suffix} 3`], 'only the third is left');
  },
};

console.log(`entity e2e against ${BASE}`);
process.exit(await run(tests));
