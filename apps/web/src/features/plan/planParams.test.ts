import { describe, expect, it } from 'vitest';
import { readPlanParams, writePlanParams } from './planParams';

const id = '0b7e1c2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';

describe('inspection plan URL', () => {
  it('reads a valid week, department and inspector and ignores the rest', () => {
    expect(readPlanParams(new URLSearchParams(`week=2026-W49&departmentId=${id}&inspectorId=x`))).toEqual({
      week: '2026-W49',
      departmentId: id,
      inspectorId: undefined,
    });
    expect(readPlanParams(new URLSearchParams('week=2025-W53'))).toEqual({
      week: undefined,
      departmentId: undefined,
      inspectorId: undefined,
    });
  });

  it('writes only what is set', () => {
    expect(writePlanParams({ week: '2026-W49', departmentId: undefined, inspectorId: id }).toString()).toBe(
      `week=2026-W49&inspectorId=${id}`,
    );
  });
});
