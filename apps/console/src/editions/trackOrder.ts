/** The list with the item at `index` moved one place up (-1) or down (+1). */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Positions 0, 1, 2… in list order; only the items whose position changes (the ones to save). */
export function renumbered<T extends { id: string; position: number }>(items: readonly T[]): { id: string; position: number }[] {
  return items.flatMap((item, position) => (item.position === position ? [] : [{ id: item.id, position }]));
}
