import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

/** The kinds of feature in public/basemap/district.geojson, each drawn by the layers below. */
export const basemapKinds = ['water', 'coastline', 'waterway', 'basin', 'pier', 'port', 'chemical_park', 'town', 'road', 'place'] as const;
export const roadClasses = ['expressway', 'primary', 'street', 'park'] as const;

/**
 * Labels are drawn by MapLibre itself from the browser's fonts (the style has no glyph server): these families
 * come first where installed — Noto/思源 and 文泉驿 on Linux, 微软雅黑 on Windows, 苹方 on macOS — then sans-serif.
 */
export const LABEL_FONTS = ['Noto Sans SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB'];

export const basemapColours = {
  land: '#f3f1ea',
  water: '#a9cfe8',
  basin: '#93bfdf',
  coast: '#6f9cc0',
  port: '#e4e0d6',
  park: '#f3e6f5',
  parkLine: '#9c4fb3',
  town: '#ebe4d8',
  expressway: '#f5a742',
  expresswayCasing: '#c6801f',
  road: '#ffffff',
  roadCasing: '#c3bcae',
  label: '#3d3d3d',
  halo: '#ffffff',
};

const kind = (k: (typeof basemapKinds)[number]): ExpressionSpecification => ['==', ['get', 'kind'], k];
const road = (...classes: (typeof roadClasses)[number][]): ExpressionSpecification => [
  'all',
  kind('road'),
  ['in', ['get', 'road'], ['literal', classes]],
];
/** Line widths grow with the zoom, as on printed maps of several scales. */
const width = (at10: number, at16: number): ExpressionSpecification => ['interpolate', ['exponential', 1.6], ['zoom'], 10, at10, 16, at16];
const c = basemapColours;

/** The offline base map's layers over one GeoJSON source, bottom to top. */
export function offlineLayers(source: string): LayerSpecification[] {
  const text = { 'text-font': LABEL_FONTS, 'text-allow-overlap': false } as const;
  const halo = { 'text-color': c.label, 'text-halo-color': c.halo, 'text-halo-width': 1.5 } as const;
  return [
    { id: 'land', type: 'background', paint: { 'background-color': c.land } },
    { id: 'town', type: 'fill', source, filter: kind('town'), paint: { 'fill-color': c.town } },
    { id: 'port', type: 'fill', source, filter: kind('port'), paint: { 'fill-color': c.port } },
    { id: 'chemical-park', type: 'fill', source, filter: kind('chemical_park'), paint: { 'fill-color': c.park } },
    { id: 'water', type: 'fill', source, filter: kind('water'), paint: { 'fill-color': c.water } },
    { id: 'basin', type: 'fill', source, filter: kind('basin'), paint: { 'fill-color': c.basin } },
    { id: 'pier', type: 'fill', source, filter: kind('pier'), paint: { 'fill-color': c.port, 'fill-outline-color': c.coast } },
    { id: 'coastline', type: 'line', source, filter: kind('coastline'), paint: { 'line-color': c.coast, 'line-width': width(0.8, 2) } },
    { id: 'waterway', type: 'line', source, filter: kind('waterway'), paint: { 'line-color': c.water, 'line-width': width(1.5, 8) } },
    {
      id: 'chemical-park-outline',
      type: 'line',
      source,
      filter: kind('chemical_park'),
      paint: { 'line-color': c.parkLine, 'line-width': 1.6, 'line-dasharray': [3, 2] },
    },
    { id: 'road-casing', type: 'line', source, filter: road('primary', 'park'), layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': c.roadCasing, 'line-width': width(2.2, 14) } },
    { id: 'road-street', type: 'line', source, filter: road('street'), layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': c.road, 'line-width': width(0.8, 7) } },
    { id: 'road-primary', type: 'line', source, filter: road('primary', 'park'), layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': c.road, 'line-width': width(1.4, 11) } },
    { id: 'road-expressway-casing', type: 'line', source, filter: road('expressway'), layout: { 'line-join': 'round' }, paint: { 'line-color': c.expresswayCasing, 'line-width': width(3, 18) } },
    { id: 'road-expressway', type: 'line', source, filter: road('expressway'), layout: { 'line-join': 'round' }, paint: { 'line-color': c.expressway, 'line-width': width(2, 14) } },
    {
      id: 'road-label',
      type: 'symbol',
      source,
      filter: kind('road'),
      minzoom: 12.5,
      layout: { ...text, 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-size': 12, 'symbol-spacing': 300 },
      paint: halo,
    },
    {
      id: 'road-shield',
      type: 'symbol',
      source,
      filter: ['all', road('expressway'), ['!=', ['get', 'ref'], '']],
      layout: { ...text, 'symbol-placement': 'line', 'text-field': ['get', 'ref'], 'text-size': 11, 'symbol-spacing': 400 },
      paint: { 'text-color': '#ffffff', 'text-halo-color': '#2f7d32', 'text-halo-width': 3 },
    },
    {
      id: 'place-label',
      type: 'symbol',
      source,
      filter: kind('place'),
      layout: {
        ...text,
        'text-field': ['get', 'name'],
        'symbol-sort-key': ['get', 'rank'],
        'text-size': ['match', ['get', 'rank'], 1, 17, 2, 14, 3, 12, 11],
        'text-letter-spacing': ['match', ['get', 'class'], 'sea', 0.6, 0.05],
      },
      paint: {
        ...halo,
        'text-color': ['match', ['get', 'class'], 'sea', '#2f6690', 'area', c.parkLine, 'port', '#2f6690', c.label],
        // Community names only once the town fills the screen.
        'text-opacity': ['step', ['zoom'], ['case', ['>=', ['get', 'rank'], 4], 0, 1], 13.5, 1],
      },
    },
  ];
}
