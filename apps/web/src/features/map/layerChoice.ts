/** The live map's layers a user can switch on and off, in the switcher's order. */
export const mapLayers = ['vehicles', 'subjects', 'hazards', 'zones', 'routes'] as const;
export type MapLayer = (typeof mapLayers)[number];
export type LayerChoice = Record<MapLayer, boolean>;

export const STORAGE_KEY = 'anlan.map.layers';
const allOn: LayerChoice = { vehicles: true, subjects: true, hazards: true, zones: true, routes: true };

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function browserStorage(): Store | undefined {
  try {
    return localStorage;
  } catch {
    return undefined; // storage blocked (private mode, policy)
  }
}

/**
 * The choice remembered on this device: every layer on unless switched off. Unknown or broken entries are ignored,
 * so a layer added later starts on.
 */
export function readLayerChoice(storage: Store | undefined = browserStorage()): LayerChoice {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return { ...allOn };
    const choice = { ...allOn };
    for (const layer of mapLayers) {
      const value = (stored as Record<string, unknown>)[layer];
      if (typeof value === 'boolean') choice[layer] = value;
    }
    return choice;
  } catch {
    return { ...allOn };
  }
}

export function writeLayerChoice(choice: LayerChoice, storage: Store | undefined = browserStorage()): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Full or blocked: the choice still holds for this visit.
  }
}
