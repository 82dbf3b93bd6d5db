import type { StructRole } from './frame.ts';

/** Allocates structure-node ids `<prefix>-<role><n>`, unique within one document when prefixes differ. */
export type NodeIds = (role: StructRole) => string;

export function nodeIds(prefix: string): NodeIds {
  let counter = 0;
  return (role) => {
    counter += 1;
    return `${prefix}-${role.toLowerCase()}${counter}`;
  };
}
