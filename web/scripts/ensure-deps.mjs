// Runs `npm ci` only when node_modules is missing or package-lock.json changed since the last install, so a
// build does not reinstall (or need the network) every time.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const web = new URL('..', import.meta.url).pathname;
const lock = readFileSync(`${web}package-lock.json`);
const hash = createHash('sha256').update(lock).digest('hex');
const marker = `${web}node_modules/.switchboard-lock-sha256`;

if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
  console.log('web: node_modules matches package-lock.json');
} else {
  console.log('web: npm ci (node_modules missing or package-lock.json changed)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: web, stdio: 'inherit' });
  writeFileSync(marker, hash);
}
