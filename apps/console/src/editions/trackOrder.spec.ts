import { describe, expect, it } from '@jest/globals';
import { moved, renumbered } from './trackOrder';

describe('track order', () => {
  const tracks = [
    { id: 'a', position: 0 },
    { id: 'b', position: 0 },
    { id: 'c', position: 5 },
  ];

  it('moves one place and keeps the ends', () => {
    expect(moved(tracks, 1, -1).map((track) => track.id)).toEqual(['b', 'a', 'c']);
    expect(moved(tracks, 2, 1).map((track) => track.id)).toEqual(['a', 'b', 'c']);
  });

  it('renumbers in list order and saves only what changed, even where positions tied', () => {
    expect(renumbered(moved(tracks, 1, -1))).toEqual([{ id: 'a', position: 1 }, { id: 'c', position: 2 }]);
  });
});
