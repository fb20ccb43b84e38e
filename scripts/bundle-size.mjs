#!/usr/bin/env node
// What each area of the built web app costs a browser on first load: the scripts and styles its page
// links (entry, preloaded shared chunks, CSS), raw and gzipped. Lazy chunks load only when a view needs them.
// Usage: node scripts/bundle-size.mjs [--json]   (after npm run build:web)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/web/', import.meta.url).pathname;
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/web is not built: run npm run build:web');
  process.exit(1);
}
const areas = [
  ['resident', '/', 'index.html'],
  ['work', '/work', 'work/index.html'],
  ['admin', '/admin', 'admin/index.html'],
  ['screen', '/screen', 'screen/index.html'],
  // Points and merchants (M7).
  ['merchant', '/merchant', 'merchant/index.html'],
];
const sizeOf = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const rows = areas.map(([area, path, page]) => {
  const html = readFileSync(join(dist, page), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const total = files.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  return { area, path, files: files.length, raw: total.raw, gzip: total.gzip };
});
const all = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
const everything = all.map((f) => sizeOf(join('assets', f))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ areas: rows, allAssets: { files: all.length, ...everything } }, null, 2));
} else {
  console.log('first load per area (scripts + styles the page links):');
  console.log('area      path     files   raw         gzip');
  for (const r of rows) console.log(`${r.area.padEnd(9)} ${r.path.padEnd(8)} ${String(r.files).padStart(5)}   ${kb(r.raw).padStart(10)}  ${kb(r.gzip).padStart(10)}`);
  console.log(`all assets (incl. lazy chunks): ${all.length} files, ${kb(everything.raw)} raw, ${kb(everything.gzip)} gzip`);
}
