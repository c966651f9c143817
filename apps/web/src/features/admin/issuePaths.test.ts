import { describe, expect, it } from 'vitest';
import { issueFieldPath, placeIssues } from './issuePaths';

const issue = (path: string, message = 'bad') => ({ path, code: 'custom', message });

describe('server issues on a nested form', () => {
  it('turns a body path into a form field path with array indexes', () => {
    expect(issueFieldPath('body.speed.limitsKmh.expressway')).toEqual(['speed', 'limitsKmh', 'expressway']);
    expect(issueFieldPath('body.items.3.text')).toEqual(['items', 3, 'text']);
    expect(issueFieldPath('query.week')).toBeNull();
    expect(issueFieldPath('body')).toBeNull();
  });

  it('puts issues on fields, on groups of fields, or in the general alert', () => {
    const fields = new Set(['speed.limitsKmh.expressway', 'speed.limitsKmh.urban', 'lec.above.high']);
    const placed = placeIssues(
      [
        issue('body.speed.limitsKmh.expressway', 'at most 200 km/h'),
        issue('body.lec.above', 'thresholds must fall from extreme to general'),
        issue('body.unknownKey', 'Unrecognized key'),
        issue('', 'whole request'),
      ],
      fields,
    );
    expect(placed.byField.get('speed.limitsKmh.expressway')).toEqual(['at most 200 km/h']);
    expect(placed.byGroup.get('lec.above')).toEqual(['thresholds must fall from extreme to general']);
    expect(placed.unplaced.map((i) => i.message)).toEqual(['Unrecognized key', 'whole request']);
  });
});
