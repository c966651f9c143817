import { sql, type RawBuilder } from 'kysely';

/**
 * The visibility rule (`visibleOrganisations(actor)`) as one SQL condition on an organisation column: undefined
 * sees everything, an empty list nothing.
 */
export const organisationIn = (visible: string[] | undefined, column: RawBuilder<unknown>) =>
  visible === undefined
    ? sql<boolean>`true`
    : visible.length
      ? sql<boolean>`${column} in (${sql.join(visible)})`
      : sql<boolean>`false`;
