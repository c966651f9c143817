import { mapConfig, type MapConfig } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { authorize } from '../../http/auth.js';

/** The district (嘉兴港区, on Hangzhou Bay): where the map opens. */
const DISTRICT_CENTER: [number, number] = [121.09, 30.622];
const DISTRICT_ZOOM = 12;

const tianditu = (layer: 'vec' | 'cva', key: string): string[] =>
  // Eight mirror hosts t0–t7; the _w matrix set is Web Mercator, as MapLibre draws.
  Array.from(
    { length: 8 },
    (_, i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
      `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`,
  );

/** What the console draws as its base map, from the MAP_* settings. */
export function mapConfigOf(config: Pick<Config, 'mapBasemap' | 'mapTiandituKey' | 'mapOsmTiles'>): MapConfig {
  const view = { center: DISTRICT_CENTER, zoom: DISTRICT_ZOOM };
  switch (config.mapBasemap) {
    case 'offline':
      return { basemap: 'offline', datum: 'wgs84', tiles: [], labelTiles: [], attribution: '演示底图 demo base map', ...view };
    case 'tianditu': {
      const key = config.mapTiandituKey ?? '';
      // CGCS2000 differs from WGS-84 by centimetres: no conversion.
      return { basemap: 'tianditu', datum: 'wgs84', tiles: tianditu('vec', key), labelTiles: tianditu('cva', key), attribution: '© 天地图 国家地理信息公共服务平台', ...view };
    }
    case 'osm':
      return {
        basemap: 'osm',
        datum: 'wgs84',
        tiles: [config.mapOsmTiles ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        labelTiles: [],
        attribution: '© OpenStreetMap contributors',
        ...view,
      };
    case 'amap':
      return {
        basemap: 'amap',
        datum: 'gcj02',
        tiles: [1, 2, 3, 4].map((i) => `https://webrd0${i}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`),
        labelTiles: [],
        attribution: '© 高德地图 AutoNavi',
        ...view,
      };
  }
}

/** GET /api/map/config: the base map of the live map, for every signed-in user. */
export function mapConfigRoutes(app: FastifyInstance, config: Config): void {
  const body = mapConfig.parse(mapConfigOf(config));
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/map/config',
    { schema: { tags: ['system'], summary: 'Base map of the live map (MAP_BASEMAP)', response: { 200: mapConfig } } },
    async (request) => {
      authorize(request);
      return body;
    },
  );
}
