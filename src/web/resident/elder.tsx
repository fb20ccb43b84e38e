import type { ThemeConfig } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nProvider } from '../shared/i18n/index.tsx';
import { ELDER_KEY } from './device.ts';

// The resident page's red is the one printed on the contact cards.
const RED = '#c0392b';

const standard: ThemeConfig = {
  token: { colorPrimary: RED, colorLink: RED, borderRadius: 10, fontSize: 16, controlHeight: 40, controlHeightLG: 48 },
};

/**
 * 适老化: large type, strong contrast, big targets, after MIIT's 移动互联网应用适老化通用设计规范 (main text at
 * least 18 pt, main controls at least 60 × 60 px).
 */
const elderly: ThemeConfig = {
  token: {
    colorPrimary: '#a61d24',
    colorLink: '#a61d24',
    colorText: '#000000',
    colorTextSecondary: '#1f1f1f',
    colorTextTertiary: '#262626',
    colorTextDescription: '#262626',
    colorBorder: '#595959',
    borderRadius: 12,
    fontSize: 20,
    fontSizeLG: 22,
    fontSizeHeading3: 26,
    fontSizeHeading4: 24,
    fontSizeHeading5: 22,
    controlHeight: 52,
    controlHeightLG: 60,
    lineWidth: 2,
  },
};

interface ElderState {
  elder: boolean;
  setElder: (on: boolean) => void;
}
const ElderContext = createContext<ElderState>({ elder: false, setElder: () => {} });

/** The resident area's providers: the elderly-friendly switch (remembered on this phone) feeding the theme. */
export function ResidentProviders({ children }: { children: ReactNode }) {
  const [elder, setElderState] = useState(() => localStorage.getItem(ELDER_KEY) === '1');
  const setElder = useCallback((on: boolean) => {
    localStorage.setItem(ELDER_KEY, on ? '1' : '0');
    setElderState(on);
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('lx-elder', elder);
  }, [elder]);
  const value = useMemo(() => ({ elder, setElder }), [elder, setElder]);
  return (
    <ElderContext.Provider value={value}>
      <I18nProvider theme={elder ? elderly : standard}>{children}</I18nProvider>
    </ElderContext.Provider>
  );
}

export function useElder(): ElderState {
  return useContext(ElderContext);
}
