/** What changed: the rules runner reloads geometry on 'zone' and 'route', vehicles' trips on 'trip'. */
export interface GeoChange {
  entity: 'zone' | 'route' | 'trip';
  id: string;
}

export type GeoChangeListener = (change: GeoChange) => void;

/**
 * A tiny in-process signal: the zones, routes and trips services emit after a change has committed, so that the
 * rules runner reloads what it holds in memory. In-process only; a node that did not make the change does not hear
 * it (a scaled-out runner also reloads on a timer).
 */
export class GeoChanges {
  private readonly listeners = new Set<GeoChangeListener>();

  /** Calls `listener` after every committed change; returns the function that stops it. */
  onChange(listener: GeoChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener; a listener that throws does not stop the others, nor the request that made the change. */
  emit(change: GeoChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure is its own (the runner logs it); the change has committed regardless.
      }
    }
  }
}
