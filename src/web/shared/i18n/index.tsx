import { ConfigProvider, App as AntApp, theme as antTheme, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../api.ts';

export type Locale = 'zh-CN' | 'en';
const STORAGE_KEY = 'lx.locale';

/** A catalogue is a flat map of keys to strings; `{name}` placeholders are filled by `t`. */
export type Catalogue = Record<string, string>;

/**
 * Declares an area's messages in both locales. The English half must have exactly the Chinese keys,
 * so a missing translation is a type error, not a blank on screen.
 */
export function defineMessages<const Zh extends Catalogue>(zh: Zh, en: { [K in keyof Zh]: string }): Record<Locale, { [K in keyof Zh]: string }> {
  return { 'zh-CN': zh, en };
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return 'zh-CN'; // the interface is Simplified Chinese unless the user switches
}

interface LocaleState {
  locale: Locale;
  setLocale: (l: Locale) => void;
}
const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => {} });

/** Wraps an area: the chosen locale (remembered), Ant Design's own locale, and the area's theme. */
export function I18nProvider({ children, theme }: { children: ReactNode; theme?: ThemeConfig }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    setApiLocale(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setApiLocale(l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      {/* No space inserted between two Chinese characters on buttons: "签收", not "签 收" (screen readers read the space). */}
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** The translate function for one catalogue, in the current locale. */
export function useT<K extends string>(messages: Record<Locale, Record<K, string>>): Translate<K> {
  const { locale } = useLocale();
  return useCallback((key: K, params?: Record<string, string | number>) => fill(messages[locale][key] ?? key, params), [locale, messages]);
}

export { antTheme };
