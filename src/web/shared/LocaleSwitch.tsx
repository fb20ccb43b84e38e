import { Button } from 'antd';
import { useLocale, useT } from './i18n/index.tsx';
import { common } from './messages.ts';

/** One button that flips between Chinese and English; the choice is remembered on this device. */
export function LocaleSwitch({ size = 'small', ghost }: { size?: 'small' | 'middle' | 'large'; ghost?: boolean }) {
  const { locale, setLocale } = useLocale();
  const t = useT(common);
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <Button size={size} ghost={ghost} type={ghost ? 'default' : 'text'} aria-label={t('language')} onClick={() => setLocale(next)} lang={next}>
      {next === 'en' ? t('switchToEnglish') : t('switchToChinese')}
    </Button>
  );
}
