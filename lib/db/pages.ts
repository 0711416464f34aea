/** Which rows page `page` (from 1; anything less is the first) of a list shows, `size` a page. */
export function pageWindow(page: number | undefined, size: number) {
  const current = Math.max(1, page ?? 1);
  return { page: current, skip: (current - 1) * size, take: size };
}

/** How many pages `total` rows fill; an empty list still has its one (empty) page. */
export function pageCount(total: number, size: number) {
  return Math.max(1, Math.ceil(total / size));
}
