import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';

/**
 * Every word residents read on a grid's public page and printed contact card, in one table so a translator
 * finds them all in one place. zh-CN is the default.
 */
const messages = {
  'zh-CN': {
    cardTitle: '便民联系卡',
    slogan: '有事找网格员',
    // 004: "做到民有所呼、必有所应".
    motto: '民有所呼　必有所应',
    scanHint: '扫码查看网格主页',
    noPhone: '暂无电话',
    noContacts: '本网格暂未安排工作人员',
    moreContacts: (n: number) => `另有 ${n} 位工作人员，请扫码查看`,
    pageTitle: (grid: string) => `${grid} · 便民联系卡`,
    contactsHeading: '网格工作人员',
    call: '拨打',
    printCard: '打印便民联系卡',
    otherLanguage: 'English',
    otherLanguageCode: 'en',
    footer: '连心 · 社区网格化治理',
  },
  en: {
    cardTitle: 'Contact Card',
    slogan: 'Need help? Call your grid worker',
    motto: 'When residents call, we answer',
    scanHint: "Scan for the grid's page",
    noPhone: 'no phone yet',
    noContacts: 'No staff are assigned to this grid yet',
    moreContacts: (n: number) => `${n} more: scan the code`,
    pageTitle: (grid: string) => `${grid} · Contact Card`,
    contactsHeading: 'Grid staff',
    call: 'Call',
    printCard: 'Print the contact card',
    otherLanguage: '中文',
    otherLanguageCode: 'zh-CN',
    footer: 'Lianxin · community grid governance',
  },
} as const;

export type PublicMessages = (typeof messages)[Locale];

/** The public page's and card's words in one language. */
export function publicMessages(locale: Locale): PublicMessages {
  return messages[locale];
}

/** `?lang=en` or `?lang=zh-CN` wins (a link can fix the language); otherwise the browser's Accept-Language. */
export function publicLocale(request: FastifyRequest, lang: string | undefined): Locale {
  const asked = lang?.trim().toLowerCase();
  if (asked?.startsWith('en')) return 'en';
  if (asked?.startsWith('zh')) return 'zh-CN';
  return requestLocale(request);
}
