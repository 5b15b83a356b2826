// Prints the gzipped size of the production bundle (what a browser downloads on a first visit).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
let raw = 0;
let gzipped = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|css|html|svg)$/.test(name)) {
      const bytes = readFileSync(path);
      raw += bytes.length;
      gzipped += gzipSync(bytes, { level: 9 }).length;
    }
  }
};
walk(dist);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`bundle: ${kb(raw)} KB raw, ${kb(gzipped)} KB gzipped (limit 600 KB gzipped)`);
