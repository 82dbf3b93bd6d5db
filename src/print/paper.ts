/** Paper sizes in millimetres, portrait (width < height). ISO 216 and US Letter (8.5 × 11 in). */
export const PAPER = {
  A5: { width: 148, height: 210 },
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
  A2: { width: 420, height: 594 },
  Letter: { width: 215.9, height: 279.4 },
} as const;
