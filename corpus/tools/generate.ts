/**
 * Builds the training corpus (corpus/cases/<code>.txt) from the hand-authored sources in corpus/source/.
 *
 * Each source file holds, for one minor category, full messages ([say]) and the parts residents combine
 * when they write (prefixes such as places or people, problems, details, requests). The generator expands
 * `{a|b|}` alternations and `<TAG>` references to shared lists, puts parts into message shapes seen in
 * WeChat groups and patrol logs, adds the noise of real typing (typos, dialect, emoticons, missing
 * punctuation) and drops duplicates. Deterministic: the same sources always give the same files, and a test
 * checks the files are up to date.
 *
 * Usage: npx tsx corpus/tools/generate.ts [--check]
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedFromText, seededRandom } from '../../src/server/platform/random.ts';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = join(CORPUS_DIR, 'source');
const CASES_DIR = join(CORPUS_DIR, 'cases');

/** How many examples each minor gets from its [say] lines and from composed shapes. */
const SAY_TARGET = 50;
const COMPOSED_TARGET = 75;

type Sections = Record<string, string[]>;

interface MinorSource {
  code: string;
  kind: 'place' | 'person';
  /** `@scale 1.6` in a source gives a broad category (9999) more examples than the others. */
  scale: number;
  sections: Sections;
}


function parseSections(text: string): { sections: Sections; meta: Record<string, string> } {
  const sections: Sections = {};
  const meta: Record<string, string> = {};
  let current: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('# ') || line === '#') continue;
    const header = /^\[([A-Za-z.]+)\]$/.exec(line);
    if (header) {
      current = header[1];
      sections[current] ??= [];
      continue;
    }
    const m = /^@(\w+)\s+(.*)$/.exec(line);
    if (m && current === null) {
      meta[m[1]] = m[2];
      continue;
    }
    if (current === null) throw new Error(`line outside a section: ${line}`);
    sections[current].push(line);
  }
  return { sections, meta };
}

/** Expands one pattern: `{a|b|}` picks an alternative (nestable), `<TAG>` picks a line of shared list TAG. */
class Expander {
  constructor(
    private readonly shared: Sections,
    private readonly random: () => number,
  ) {}

  pick<T>(items: T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  expand(pattern: string, depth = 0): string {
    if (depth > 8) throw new Error(`pattern nests too deep: ${pattern}`);
    let out = '';
    let i = 0;
    while (i < pattern.length) {
      const ch = pattern[i];
      if (ch === '{') {
        const end = matching(pattern, i);
        const alts = splitTop(pattern.slice(i + 1, end));
        out += this.expand(this.pick(alts), depth + 1);
        i = end + 1;
      } else if (ch === '<') {
        const end = pattern.indexOf('>', i);
        const tag = pattern.slice(i + 1, end);
        const list = this.shared[tag];
        if (!list) throw new Error(`unknown list <${tag}> in ${pattern}`);
        out += this.expand(this.pick(list), depth + 1);
        i = end + 1;
      } else {
        out += ch;
        i++;
      }
    }
    return out;
  }
}

function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces: ${text}`);
}

function splitTop(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** Typing noise seen in residents' messages: dialect words, homophone slips, emoticons, loose punctuation. */
const SWAPS: [RegExp, string[]][] = [
  [/什么/, ['啥', '啥子', '什么']],
  [/怎么/, ['咋', '怎么', '咋个']],
  [/没有/, ['没', '莫得', '没得']],
  [/不知道/, ['不晓得', '不知到']],
  [/已经/, ['以经', '已经']],
  [/一下/, ['一哈', '一下下', '一下']],
  [/的/, ['得', '滴', '地']],
  [/在/, ['再']],
  [/谢谢/, ['谢谢啦', '多谢', '谢谢了', '3q']],
  [/现在/, ['现再', '现在']],
  [/麻烦/, ['麻烦', '劳驾', '辛苦']],
  [/厉害/, ['利害']],
  [/你们/, ['您们', '你们']],
];
const EMOTICONS = ['[捂脸]', '[流泪]', '[抱拳]', '[发怒]', '[撇嘴]', '[合十]', '🙏', '😭', '😡', '[难过]', '[强]'];

function roughen(text: string, random: () => number): string {
  let t = text;
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  if (random() < 0.22) {
    const [re, subs] = pick(SWAPS);
    t = t.replace(re, pick(subs));
  }
  const r = random();
  if (r < 0.1) t = t.replace(/[，。]/g, ' ').replace(/\s+/g, ' ').trim();
  else if (r < 0.17) t = t.replace(/，/g, ',').replace(/。/g, '.');
  else if (r < 0.22) t = t.replace(/[，。！？]/g, '');
  if (random() < 0.12) t = t.replace(/[。！？.!?]*$/, '') + pick(['！！', '。。。', '!!!', '？', '~', '…', '啊', '哦', '呀']);
  if (random() < 0.07) t += pick(EMOTICONS);
  return t.trim();
}

/** Joins parts with Chinese commas, skipping empty ones, and ends the sentence. */
function joinParts(parts: (string | undefined)[], random: () => number): string {
  const kept = parts.map((p) => (p ?? '').trim()).filter(Boolean);
  let text = kept.join('，').replace(/，([，。！？：])/g, '$1').replace(/([：:])，/g, '$1');
  if (!/[。！？!?~…]$/.test(text) && random() < 0.55) text += random() < 0.8 ? '。' : '！';
  return text;
}

function readSources(): { shared: Sections; minors: MinorSource[] } {
  const shared = parseSections(readFileSync(join(SOURCE_DIR, '_shared.txt'), 'utf8')).sections;
  const minors: MinorSource[] = [];
  for (const name of readdirSync(SOURCE_DIR).sort()) {
    const m = /^(\d{4})\.txt$/.exec(name);
    if (!m) continue;
    const { sections, meta } = parseSections(readFileSync(join(SOURCE_DIR, name), 'utf8'));
    if (!sections.say?.length || !sections.problem?.length) throw new Error(`${name}: needs [say] and [problem]`);
    minors.push({ code: m[1], kind: meta.kind === 'person' ? 'person' : 'place', scale: Number(meta.scale ?? 1), sections });
  }
  return { shared, minors };
}

/** One composed message for a minor, in one of the shapes residents and grid workers write in. */
function compose(src: MinorSource, shared: Sections, x: Expander, random: () => number): string {
  const s = src.sections;
  const opt = (list: string[] | undefined, p: number) => (list?.length && random() < p ? x.expand(x.pick(list)) : '');
  const prefix = () => (s.place?.length ? x.expand(x.pick(s.place)) : src.kind === 'place' ? x.expand('<PLACE>') : '');
  const problem = x.expand(x.pick(s.problem));
  const detail = () => opt(s.detail, 0.6);
  const ask = () => (random() < 0.5 && s.ask?.length ? x.expand(x.pick(s.ask)) : random() < 0.5 ? x.expand('<ASK>') : '');
  const shape = random();
  if (shape < 0.08) {
    // The long message of someone who has waited: when, where, what, what it causes, how they feel, what they ask.
    const parts = [x.expand('<OPENER>') + x.expand('<TIME>') + prefix() + problem, opt(s.detail, 0.9), opt(s.detail, 0.7), opt(shared.EMOTION, 0.9)];
    return joinParts([...parts, ask() || x.expand('<ASK>'), opt(shared.ASK, 0.5)], random);
  }
  if (shape < 0.26) {
    return joinParts([x.expand('<OPENER>') + prefix() + problem, detail(), opt(shared.EMOTION, 0.25), ask()], random);
  }
  if (shape < 0.38) return joinParts([prefix() + problem], random);
  if (shape < 0.44) return joinParts([problem], random);
  if (shape < 0.56) {
    const lead = src.kind === 'person' ? x.expand('<VISIT>') : x.expand('<PATROL>');
    return joinParts([lead + prefix() + problem, detail(), opt(shared.HANDLING, 0.4)], random);
  }
  if (shape < 0.7) return joinParts([x.expand('<TIME>') + prefix() + problem, opt(shared.EMOTION, 0.45) || detail(), ask()], random);
  if (shape < 0.78 && src.kind === 'place') {
    const where = prefix();
    if (where) return joinParts([x.expand('<OPENER>') + problem, detail(), x.expand('<WHERE>') + where, ask()], random);
  }
  if (shape < 0.86) return joinParts([x.expand('<TAG>') + prefix() + problem, detail()], random);
  return joinParts([x.expand('<WHO>') + prefix() + problem, detail(), ask()], random);
}

/** Normal form used to detect duplicates: punctuation, spaces and emoticons do not make a new example. */
export function dedupeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Generates every minor's examples in memory: code → lines. */
export function generateCorpus(): Map<string, string[]> {
  const { shared, minors } = readSources();
  const seen = new Set<string>();
  const out = new Map<string, string[]>();
  for (const src of minors) {
    const random = seededRandom(seedFromText(`lianxin-corpus-v1:${src.code}`));
    const x = new Expander(shared, random);
    const lines: string[] = [];
    const add = (text: string) => {
      const key = dedupeKey(text);
      if (key.length < 2 || seen.has(key)) return false;
      seen.add(key);
      lines.push(text);
      return true;
    };
    // [say] lines first, each a few times while new forms come out, so alternations inside them pay off.
    const say = src.sections.say;
    const perSay = Math.max(1, Math.ceil((SAY_TARGET * src.scale) / say.length));
    for (const pattern of say) {
      let made = 0;
      for (let tries = 0; tries < perSay * 6 && made < perSay; tries++) {
        const raw = x.expand(pattern);
        if (add(made === 0 && tries === 0 ? raw : roughen(raw, random))) made++;
      }
    }
    let composed = 0;
    const target = Math.round(COMPOSED_TARGET * src.scale);
    for (let tries = 0; composed < target && tries < target * 30; tries++) {
      if (add(roughen(compose(src, shared, x, random), random))) composed++;
    }
    out.set(src.code, lines);
  }
  return out;
}

function fileText(lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** True when corpus/cases matches what the sources generate. */
export function corpusUpToDate(): boolean {
  for (const [code, lines] of generateCorpus()) {
    const file = join(CASES_DIR, `${code}.txt`);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== fileText(lines)) return false;
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const ok = corpusUpToDate();
    console.log(ok ? 'corpus/cases is up to date' : 'corpus/cases is stale: run npx tsx corpus/tools/generate.ts');
    process.exit(ok ? 0 : 1);
  }
  mkdirSync(CASES_DIR, { recursive: true });
  let total = 0;
  for (const [code, lines] of generateCorpus()) {
    writeFileSync(join(CASES_DIR, `${code}.txt`), fileText(lines));
    total += lines.length;
    if (lines.length < 100) console.log(`${code}: only ${lines.length} examples`);
  }
  console.log(`wrote ${total} examples`);
}
