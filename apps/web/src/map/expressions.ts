import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * A `match` of a string property against a table (kind → colour, say). MapLibre's types spell out `match` for a
 * fixed number of arms only, so the list built from the table is asserted once, here.
 */
export function matchProperty(
  property: string,
  table: Record<string, string>,
  fallback: string,
): ExpressionSpecification {
  return ['match', ['get', property], ...Object.entries(table).flat(), fallback] as unknown as ExpressionSpecification;
}
