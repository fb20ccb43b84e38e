import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import { useWebConfig } from '../web-config.ts';

export interface MapGrid {
  code: string;
  name: string;
  geometry: GeoJSON.Geometry;
  /** Fill colour; the map's own default when absent. */
  color?: string;
  /** Shown on hover/focus. */
  label?: string;
}

export interface MapMarker {
  id: string;
  lng: number;
  lat: number;
  color?: string;
  label?: string;
  /** Larger, pulsing marker (e.g. a case that just arrived). */
  highlight?: boolean;
}

export interface GridMapProps {
  grids?: MapGrid[];
  markers?: MapMarker[];
  /** A single draggable pin: the place being reported. */
  pin?: { lng: number; lat: number } | null;
  onPick?: (p: { lng: number; lat: number }) => void;
  onMarkerClick?: (id: string) => void;
  onGridClick?: (code: string) => void;
  height?: number | string;
  dark?: boolean;
  /** Accessible name of the map region. */
  ariaLabel: string;
  /** Fit the view to the grids once they arrive (default), or centre on the pin. */
  fit?: 'grids' | 'pin' | 'markers';
}

/**
 * A map that needs no tiles: grids and markers are drawn as vectors on a plain background, which is all a
 * closed government network can show. A deployment with a tile server sets MAP_TILE_URL and gets its tiles
 * underneath.
 */
export function GridMap({ grids = [], markers = [], pin, onPick, onMarkerClick, onGridClick, height = 320, dark, ariaLabel, fit = 'grids' }: GridMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const gridLayer = useRef<L.LayerGroup | null>(null);
  const markerLayer = useRef<L.LayerGroup | null>(null);
  const pinMarker = useRef<L.CircleMarker | null>(null);
  const fitted = useRef(false);
  // Bumped when the Leaflet map is (re)created so the layers draw onto the new one.
  const [generation, setGeneration] = useState(0);
  const config = useWebConfig();
  const handlers = useRef({ onPick, onMarkerClick, onGridClick });
  handlers.current = { onPick, onMarkerClick, onGridClick };

  useEffect(() => {
    if (!el.current || !config) return;
    // No zoom animation: its timer fires after an unmount removed the panes and throws (Leaflet's
    // `_leaflet_pos` error when a page is left mid-zoom).
    const m = L.map(el.current, { zoomControl: true, attributionControl: !!config?.tileUrl, preferCanvas: true, zoomAnimation: false });
    m.setView([config?.center?.lat ?? 29.65, config?.center?.lng ?? 91.13], 14);
    if (config?.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '', maxZoom: 19 }).addTo(m);
    gridLayer.current = L.layerGroup().addTo(m);
    markerLayer.current = L.layerGroup().addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => handlers.current.onPick?.({ lng: e.latlng.lng, lat: e.latlng.lat }));
    map.current = m;
    setGeneration((g) => g + 1);
    // Leaflet measures its box once; a map inside a tab or drawer must measure again when it appears.
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      m.stop();
      m.remove();
      map.current = null;
      fitted.current = false;
    };
  }, [config]);

  useEffect(() => {
    const m = map.current;
    const layer = gridLayer.current;
    if (!m || !layer) return;
    layer.clearLayers();
    const bounds = L.latLngBounds([]);
    for (const g of grids) {
      const shape = L.geoJSON(g.geometry as GeoJSON.GeoJsonObject, {
        style: {
          color: dark ? '#4fc3f7' : '#1677ff',
          weight: 1.5,
          fillColor: g.color ?? (dark ? '#0d47a1' : '#91caff'),
          fillOpacity: g.color ? 0.55 : 0.25,
        },
        interactive: !!handlers.current.onGridClick || !!g.label,
      });
      if (g.label) shape.bindTooltip(g.label, { sticky: true });
      shape.on('click', () => handlers.current.onGridClick?.(g.code));
      shape.addTo(layer);
      bounds.extend(shape.getBounds());
    }
    if (fit === 'grids' && bounds.isValid() && !fitted.current) {
      m.fitBounds(bounds, { padding: [8, 8] });
      fitted.current = true;
    }
  }, [grids, dark, fit, generation]);

  useEffect(() => {
    const m = map.current;
    const layer = markerLayer.current;
    if (!m || !layer) return;
    layer.clearLayers();
    const bounds = L.latLngBounds([]);
    for (const k of markers) {
      const c = L.circleMarker([k.lat, k.lng], {
        radius: k.highlight ? 9 : 6,
        color: '#fff',
        weight: 1.5,
        fillColor: k.color ?? '#fa541c',
        fillOpacity: 0.95,
        className: k.highlight ? 'lx-marker-new' : undefined,
      });
      if (k.label) c.bindTooltip(k.label);
      c.on('click', (e) => {
        L.DomEvent.stopPropagation(e);
        handlers.current.onMarkerClick?.(k.id);
      });
      c.addTo(layer);
      bounds.extend(c.getLatLng());
    }
    if (fit === 'markers' && bounds.isValid() && !fitted.current) {
      m.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
      fitted.current = true;
    }
  }, [markers, fit, generation]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!pin) {
      pinMarker.current?.remove();
      pinMarker.current = null;
      return;
    }
    if (pinMarker.current && !m.hasLayer(pinMarker.current)) pinMarker.current = null;
    if (!pinMarker.current) pinMarker.current = L.circleMarker([pin.lat, pin.lng], { radius: 10, color: '#fff', weight: 3, fillColor: '#cf1322', fillOpacity: 1 }).addTo(m);
    else pinMarker.current.setLatLng([pin.lat, pin.lng]);
    if (fit === 'pin') m.setView([pin.lat, pin.lng], Math.max(m.getZoom(), 16));
  }, [pin?.lat, pin?.lng, fit, generation]);

  return (
    <div
      ref={el}
      role="region"
      aria-label={ariaLabel}
      className="lx-map"
      style={{ height, width: '100%', background: dark ? '#0b1a2e' : '#eef2f5', borderRadius: 8 }}
    />
  );
}
