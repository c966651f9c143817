import type { MapConfig } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { login, seedUser, testApp } from '../../test-support/app.js';
import { engines } from '../../test-support/databases.js';
import { mapConfigOf } from './map-config.routes.js';

const KEY = '0123456789abcdef0123456789abcdef';

describe('map base map settings', () => {
  it('defaults to the offline demo base map, in WGS-84 and without tiles from the network', () => {
    const c = mapConfigOf(loadConfig({}));
    expect(c).toMatchObject({ basemap: 'offline', datum: 'wgs84', tiles: [], labelTiles: [] });
    expect(c.attribution).toContain('演示底图');
  });

  it('draws 天地图 with its key on vector and annotation tiles, without coordinate conversion', () => {
    const c = mapConfigOf(loadConfig({ MAP_BASEMAP: 'tianditu', MAP_TIANDITU_KEY: KEY }));
    expect(c.datum).toBe('wgs84');
    expect(c.tiles).toHaveLength(8);
    expect(c.tiles[0]).toContain('t0.tianditu.gov.cn/vec_w/wmts');
    expect(c.tiles[0]).toContain(`tk=${KEY}`);
    expect(c.labelTiles[0]).toContain('LAYER=cva');
  });

  it('takes an own OSM tile server and marks AMap tiles as GCJ-02', () => {
    expect(mapConfigOf(loadConfig({ MAP_BASEMAP: 'osm' })).tiles).toEqual(['https://tile.openstreetmap.org/{z}/{x}/{y}.png']);
    const own = 'https://tiles.example.org/{z}/{x}/{y}.png';
    expect(mapConfigOf(loadConfig({ MAP_BASEMAP: 'osm', MAP_OSM_TILES: own })).tiles).toEqual([own]);
    expect(mapConfigOf(loadConfig({ MAP_BASEMAP: 'amap' })).datum).toBe('gcj02');
  });

  it('refuses a 天地图 base map without a key and names each bad variable', () => {
    expect(() => loadConfig({ MAP_BASEMAP: 'tianditu' })).toThrow(/MAP_TIANDITU_KEY/);
    try {
      loadConfig({ MAP_BASEMAP: 'google', MAP_OSM_TILES: 'https://tiles.example.org/tile.png' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^MAP_BASEMAP="google"/m);
      expect(problems).toMatch(/^MAP_OSM_TILES=.*\{z\}/m);
    }
  });
});

describe.each(engines)('GET /api/map/config on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database, { MAP_BASEMAP: 'tianditu', MAP_TIANDITU_KEY: KEY });
    await seedUser(database, 'monitor', 'monitor');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers signed-in users with the configured base map and refuses anonymous callers', async () => {
    expect((await app.inject({ url: '/api/map/config' })).statusCode).toBe(401);
    const cookie = await login(app, 'monitor');
    const res = await app.inject({ url: '/api/map/config', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json<MapConfig>();
    expect(body.basemap).toBe('tianditu');
    expect(body.center).toEqual([121.09, 30.622]);
  });
});
