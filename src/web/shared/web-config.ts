import { useEffect, useState } from 'react';
import { api } from './api.ts';

export interface WebConfig {
  /** Tile URL template when the deployment has a tile server; the map draws on a plain background otherwise. */
  tileUrl: string | null;
  tileAttribution: string | null;
  center: { lng: number; lat: number } | null;
  timeZone: string;
}

let cached: Promise<WebConfig> | null = null;

/** The deployment's settings for the web app, fetched once per page. */
export function loadWebConfig(): Promise<WebConfig> {
  cached ??= api<WebConfig>('/api/v1/web-config').catch(() => ({ tileUrl: null, tileAttribution: null, center: null, timeZone: 'Asia/Shanghai' }));
  return cached;
}

export function useWebConfig(): WebConfig | null {
  const [config, setConfig] = useState<WebConfig | null>(null);
  useEffect(() => {
    let live = true;
    loadWebConfig().then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, []);
  return config;
}
