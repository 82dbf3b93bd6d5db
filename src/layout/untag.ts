import type { Frame, FrameItem } from './frame.ts';

/**
 * The same frame with every structure tag removed: for copies of a card on a sheet, so a screen reader
 * reads the card once and the copies are artifacts. Line languages stay (they do not create structure).
 */
export function untag(frame: Frame): Frame {
  return {
    ...frame,
    items: frame.items.map((p) => ({ ...p, item: untagItem(p.item) })),
  };
}

function untagItem(item: FrameItem): FrameItem {
  if (item.kind === 'group') return { ...item, frame: untag(item.frame) };
  if (item.tag === undefined) return item;
  const { tag: _tag, ...rest } = item;
  return rest as FrameItem;
}
