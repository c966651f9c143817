import { describe, expect, it } from 'vitest';
import { readLayerChoice, STORAGE_KEY, writeLayerChoice } from './layerChoice';

const memory = (initial?: string) => {
  const data = new Map<string, string>(initial === undefined ? [] : [[STORAGE_KEY, initial]]);
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};

describe('the map layer choice', () => {
  it('shows every layer until the user switches one off, and remembers the switch', () => {
    const storage = memory();
    expect(Object.values(readLayerChoice(storage)).every(Boolean)).toBe(true);
    writeLayerChoice({ ...readLayerChoice(storage), zones: false }, storage);
    expect(readLayerChoice(storage)).toEqual({
      vehicles: true,
      subjects: true,
      hazards: true,
      zones: false,
      routes: true,
    });
  });

  it('ignores broken or foreign entries and starts layers it does not know of on', () => {
    expect(readLayerChoice(memory('not json')).subjects).toBe(true);
    expect(readLayerChoice(memory('null')).hazards).toBe(true);
    expect(readLayerChoice(memory(JSON.stringify({ hazards: 'no', routes: false, satellites: false })))).toEqual({
      vehicles: true,
      subjects: true,
      hazards: true,
      zones: true,
      routes: false,
    });
  });

  it('keeps working where storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readLayerChoice(blocked).vehicles).toBe(true);
    expect(() => writeLayerChoice(readLayerChoice(blocked), blocked)).not.toThrow();
  });
});
