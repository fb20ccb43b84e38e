import QRCode from 'qrcode';
import type { Locale } from '../../http/errors.ts';
import type { Contact } from './contacts.ts';
import { publicMessages } from './public-messages.ts';

/** What a grid's contact card (便民联系卡) and public page show. */
export interface GridCard {
  grid: { id: string; code: string; name: string };
  community: string | null;
  street: string | null;
  contacts: Contact[];
  /** The grid's public page, which the QR code opens. */
  pageUrl: string;
}

// A6 portrait in millimetres: the size community offices print and hand out door to door (004).
const WIDTH = 105;
const HEIGHT = 148;
const MARGIN = 7;
const RED = '#c8161d';
const FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

// The contact rows share one band of the card; rows shrink down to a legible minimum, then the rest are
// summarised ("另有 N 位…") and the QR page lists everyone.
const ROWS_TOP = 45;
const ROWS_HEIGHT = 63;
const ROW_MAX = 9;
const ROW_MIN = 6.3;
const ROW_MAX_STACKED = 10.5;
const ROW_MIN_STACKED = 8.8;

/**
 * Escapes text for XML (and HTML) content and attribute values. Characters XML 1.0 forbids (control
 * characters, lone surrogates) are dropped: one pasted into a name must not make the whole card unreadable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

// SVG cannot measure text and renderers differ on textLength, so estimate widths from typical glyph widths of
// Noto Sans / Source Han Sans (in em) and shrink the font of text that would not fit.
function estimatedWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) {
    if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)) ems += 1;
    else if (/[0-9]/.test(ch)) ems += 0.58;
    else if (/[A-Z]/.test(ch)) ems += 0.66;
    else if (/[a-z]/.test(ch)) ems += 0.54;
    else if (ch === ' ') ems += 0.26;
    else ems += 0.6;
  }
  return ems * fontSize;
}

interface TextOptions {
  x: number;
  y: number;
  size: number;
  /** Longest the text may run; longer text gets a smaller font instead of spilling over the edge. */
  maxWidth: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'bold';
  fill?: string;
}

function text(content: string, o: TextOptions): string {
  const width = estimatedWidth(content, o.size);
  const size = width > o.maxWidth ? +((o.size * o.maxWidth) / width).toFixed(2) : o.size;
  const anchor = o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : '';
  const weight = o.weight ? ` font-weight="${o.weight}"` : '';
  return `<text x="${o.x}" y="${o.y}" font-size="${size}"${anchor}${weight} fill="${o.fill ?? '#222'}">${escapeXml(content)}</text>`;
}

/** The QR code as a nested <svg> placed at (x, y), `size` millimetres square. */
async function qrCode(url: string, x: number, y: number, size: number): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  const match = /<svg[^>]*viewBox="([^"]+)"[^>]*>([\s\S]*)<\/svg>/.exec(svg);
  if (!match) throw new Error('qrcode returned an unexpected SVG');
  return `<svg class="qr" x="${x}" y="${y}" width="${size}" height="${size}" viewBox="${match[1]}" shape-rendering="crispEdges">${match[2]}</svg>`;
}

// Role labels that fit their column (all the Chinese ones) share a line with the name; longer ones (English)
// go on a line of their own above it.
const ROLE_SIZE = 3.6;
const ROLE_COLUMN = 22;

function contactRows(card: GridCard, locale: Locale): string {
  const m = publicMessages(locale);
  if (card.contacts.length === 0) {
    return text(m.noContacts, { x: WIDTH / 2, y: ROWS_TOP + 12, size: 4, maxWidth: WIDTH - 2 * MARGIN, anchor: 'middle', fill: '#666' });
  }
  const stacked = card.contacts.some((c) => estimatedWidth(c.roleLabel, ROLE_SIZE) > ROLE_COLUMN);
  const rowMin = stacked ? ROW_MIN_STACKED : ROW_MIN;
  const capacity = Math.floor(ROWS_HEIGHT / rowMin);
  const shown = card.contacts.length <= capacity ? card.contacts : card.contacts.slice(0, capacity - 1);
  const rows = shown.length + (shown.length < card.contacts.length ? 1 : 0);
  const h = Math.min(stacked ? ROW_MAX_STACKED : ROW_MAX, ROWS_HEIGHT / rows);
  const out: string[] = [];
  shown.forEach((c, i) => {
    const top = ROWS_TOP + i * h;
    const middle = +(top + h / 2 + 1.6).toFixed(2);
    if (i % 2 === 0) out.push(`<rect x="${MARGIN - 2}" y="${top.toFixed(2)}" width="${WIDTH - 2 * MARGIN + 4}" height="${h.toFixed(2)}" rx="1" fill="#fdf1f1"/>`);
    const phone = text(c.workPhone ?? m.noPhone, {
      x: WIDTH - MARGIN, y: middle, size: c.workPhone ? 4.6 : 3.4, maxWidth: 36, anchor: 'end', fill: c.workPhone ? '#111' : '#888',
    });
    const who = stacked
      ? [
          text(c.roleLabel, { x: MARGIN, y: +(top + h / 2 - 0.9).toFixed(2), size: 2.9, maxWidth: 50, fill: RED }),
          text(c.name, { x: MARGIN, y: +(top + h / 2 + 3.6).toFixed(2), size: 4.4, maxWidth: 50, weight: 'bold' }),
        ]
      : [
          text(c.roleLabel, { x: MARGIN, y: middle, size: ROLE_SIZE, maxWidth: ROLE_COLUMN, fill: RED }),
          text(c.name, { x: MARGIN + ROLE_COLUMN + 2, y: middle, size: 4.6, maxWidth: 30, weight: 'bold' }),
        ];
    out.push(`<g class="contact">`, ...who, phone, `</g>`);
  });
  if (shown.length < card.contacts.length) {
    const y = +(ROWS_TOP + shown.length * h + h / 2 + 1.3).toFixed(2);
    out.push(text(m.moreContacts(card.contacts.length - shown.length), { x: WIDTH / 2, y, size: 3.4, maxWidth: WIDTH - 2 * MARGIN, anchor: 'middle', fill: '#555' }));
  }
  return out.join('\n');
}

/**
 * 便民联系卡: a printable A6 card (105 × 148 mm) with the grid's name, its community and street, each
 * contact's role, name and work phone, and a QR code opening the grid's public page, whose address is
 * printed under it for those who cannot scan. 004: "确保群众有事找得到网格员".
 */
export async function renderContactCard(card: GridCard, locale: Locale): Promise<string> {
  const m = publicMessages(locale);
  const place = [card.street, card.community].filter((s): s is string => !!s).join(' · ');
  const qrSize = 27;
  const qrTop = 111;
  const inner = WIDTH - 2 * MARGIN;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}mm" height="${HEIGHT}mm" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${escapeXml(FONTS)}" lang="${locale}">`,
    `<title>${escapeXml(`${card.grid.name} ${m.cardTitle}`)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<rect x="1.5" y="1.5" width="${WIDTH - 3}" height="${HEIGHT - 3}" rx="3" fill="none" stroke="${RED}" stroke-width="0.6"/>`,
    `<path d="M1.5 4.5a3 3 0 0 1 3-3h${WIDTH - 9}a3 3 0 0 1 3 3V22H1.5z" fill="${RED}"/>`,
    text(m.cardTitle, { x: WIDTH / 2, y: 15.5, size: 10, maxWidth: inner, anchor: 'middle', weight: 'bold', fill: '#ffffff' }),
    text(card.grid.name, { x: WIDTH / 2, y: 32, size: 6.4, maxWidth: inner, anchor: 'middle', weight: 'bold' }),
    place ? text(place, { x: WIDTH / 2, y: 39, size: 3.8, maxWidth: inner, anchor: 'middle', fill: '#555' }) : '',
    `<line x1="${MARGIN}" y1="42.5" x2="${WIDTH - MARGIN}" y2="42.5" stroke="${RED}" stroke-width="0.4"/>`,
    contactRows(card, locale),
    `<line x1="${MARGIN}" y1="${qrTop - 2.5}" x2="${WIDTH - MARGIN}" y2="${qrTop - 2.5}" stroke="#dddddd" stroke-width="0.3"/>`,
    await qrCode(card.pageUrl, MARGIN + 1, qrTop, qrSize),
    text(m.scanHint, { x: MARGIN + qrSize + 6, y: qrTop + 6, size: 3.4, maxWidth: inner - qrSize - 6, fill: '#555' }),
    text(m.slogan, { x: MARGIN + qrSize + 6, y: qrTop + 15, size: 6, maxWidth: inner - qrSize - 6, weight: 'bold', fill: RED }),
    text(m.motto, { x: MARGIN + qrSize + 6, y: qrTop + 23, size: 3.8, maxWidth: inner - qrSize - 6, fill: '#333' }),
    text(card.pageUrl, { x: MARGIN + 1, y: qrTop + qrSize + 5, size: 2.8, maxWidth: inner - 1, fill: '#333' }),
    `</svg>`,
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
