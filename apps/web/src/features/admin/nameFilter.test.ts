import { expect, it } from 'vitest';
import { nameMatches } from './nameFilter';

it('filters by part of the name, ignoring case and surrounding spaces; an empty filter keeps all', () => {
  expect(nameMatches('乍浦港区化工园区限速区', ' 化工园区 ')).toBe(true);
  expect(nameMatches('Port East Road', 'east')).toBe(true);
  expect(nameMatches('南湾小学', '港龙')).toBe(false);
  expect(nameMatches('南湾小学', '  ')).toBe(true);
});
