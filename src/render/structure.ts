import type { StructNode } from '../layout/frame.ts';
import type { Segment, SegmentWriter } from './glyphs.ts';
import type { PdfKitDocument, PdfStructureContent, PdfStructureElement } from './pdfkit-internals.ts';

/**
 * Tagged PDF: every drawn item is either marked content owned by a structure element (its `tag` names a node of
 * doc.structure) or an Artifact (crop marks, backgrounds, cut lines). The structure tree is written after all pages
 * are drawn, in the order of doc.structure, so reading order is the structure order whatever the drawing order
 * (RTL cards, mirrored backs, imposed sheets).
 *
 * Text extraction: see docs/text-extraction.md. The glyphs carry their own text (glyphs.ts); an LTR line also gets
 * /ActualText with its logical text, which poppler uses (it then ignores the glyphs' FILLER characters). An RTL
 * line gets none: poppler lays a line's /ActualText out left to right and then reverses it as an RTL run, so it
 * printed the line backwards; RTL clusters carry their own /ActualText instead.
 *
 * A node's /K lists its own marked content first (in drawing order), then its child elements in order.
 * Nodes with no content anywhere below them are left out: an empty Figure or P is noise to a screen reader.
 */

/** Options for the marked content of one text line. */
export interface LineMarking {
  /** Logical text of the line for /ActualText (LTR lines only: see above). */
  readonly actual?: string;
  /** BCP 47 language when the line differs from its element (or the document). */
  readonly lang?: string;
}

/** Collects marked content per structure node while pages are drawn. One per document. */
export class TagRecorder {
  private readonly nodes = new Map<string, StructNode>();
  /** Marked-content sequences per node id, in drawing order. */
  readonly contents = new Map<string, PdfStructureContent[]>();

  constructor(
    private readonly doc: PdfKitDocument,
    readonly root: StructNode,
  ) {
    const index = (n: StructNode) => {
      if (this.nodes.has(n.id)) throw new Error(`structure node id "${n.id}" is used twice`);
      this.nodes.set(n.id, n);
      n.children.forEach(index);
    };
    index(root);
  }

  /**
   * Draw inside marked content: structure content of node `tag`, or an Artifact when `tag` is undefined.
   * A text line gets a nested /Span with /ActualText (and /Lang), the standard place for replacement text and
   * a language on marked content (ISO 32000-1 §14.9.2, §14.9.4). Inside it, glyphs.ts wraps runs in another
   * language (ShapedRun.spanLang: `Home Office` in an Arabic line) in a further /Span with only their /Lang.
   */
  mark(tag: string | undefined, draw: (segment: SegmentWriter) => void, line?: LineMarking): void {
    const nested: SegmentWriter = (segment, write) => {
      if (!segment) return write();
      this.doc.markContent('Span', spanOptions(segment));
      write();
      this.doc.endMarkedContent();
    };
    // pdfkit's markContent('Artifact') first closes any open structure marking; none is open between items.
    if (tag === undefined) {
      // Decorative text (labels on cut guides, repeated copies) is still given its ActualText, so that text
      // extraction of an Indic or Thai artifact line is not garbled; it is not part of the structure tree.
      this.doc.markContent('Artifact');
      if (line) this.doc.markContent('Span', spanOptions(line));
      draw(nested);
      if (line) this.doc.endMarkedContent();
      this.doc.endMarkedContent();
      return;
    }
    const node = this.nodes.get(tag);
    if (!node) throw new Error(`frame item tagged "${tag}", which is not a node of the document structure`);
    if (!line) {
      const content = this.doc.markStructureContent(node.role);
      if (line) this.doc.markContent('Span', spanOptions(line));
      draw(nested);
      if (line) this.doc.endMarkedContent();
      this.doc.endMarkedContent();
      this.record(tag, content);
      return;
    }
    // A line's parts that need marked content of their own (runs in another language; in RTL lines also marks and
    // FILLER glyphs, glyph-text.ts) become further marked-content sequences of the same element, never nested
    // ones: poppler (pdfinfo -struct-text, and tools built on its structure API) stops collecting an element's
    // text at the first nested EMC. An LTR line's /ActualText is split with it: each sequence gets its own part.
    if (line.actual !== undefined) {
      draw((segment, write, text) => {
        this.record(tag, this.doc.markStructureContent('Span', spanOptions({ lang: segment?.lang ?? line.lang, actual: text })));
        write();
        this.doc.endMarkedContent();
      });
      return;
    }
    let open = false;
    const begin = (segment: Segment) => {
      this.record(
        tag,
        this.doc.markStructureContent(
          'Span',
          spanOptions({ lang: segment.lang ?? line.lang, ...(segment.actual !== undefined ? { actual: segment.actual } : {}) }),
        ),
      );
    };
    draw((segment, write) => {
      if (!segment) {
        if (!open) begin({});
        open = true;
        write();
        return;
      }
      if (open) this.doc.endMarkedContent();
      open = false;
      begin(segment);
      write();
      this.doc.endMarkedContent();
    });
    if (open) this.doc.endMarkedContent();
  }

  private record(tag: string, content: PdfStructureContent): void {
    const list = this.contents.get(tag);
    if (list) list.push(content);
    else this.contents.set(tag, [content]);
  }

  /** Write the structure tree (call once, after the last page is drawn and before `doc.end()`). */
  writeTree(): void {
    const rootElement = this.doc.struct(this.root.role, elementOptions(this.root));
    this.doc.addStructure(rootElement);
    this.fill(rootElement, this.root);
    rootElement.end();
  }

  private fill(element: PdfStructureElement, node: StructNode): void {
    for (const content of this.contents.get(node.id) ?? []) element.add(content);
    for (const child of node.children) {
      if (!this.hasContent(child)) continue;
      const childElement = this.doc.struct(child.role, elementOptions(child));
      element.add(childElement);
      this.fill(childElement, child);
      childElement.end();
    }
  }

  private hasContent(node: StructNode): boolean {
    return (this.contents.get(node.id)?.length ?? 0) > 0 || node.children.some((c) => this.hasContent(c));
  }
}

/**
 * pdfkit's options for a /Span: /ActualText and /Lang. pdfkit skips a falsy `actual`, so an empty replacement text
 * (a glyph that should read as nothing) goes in as a String object, which it writes as `()`.
 */
function spanOptions(span: Segment): Record<string, unknown> {
  return {
    ...(span.actual !== undefined ? { actual: span.actual === '' ? new String('') : span.actual } : {}),
    ...(span.lang ? { lang: span.lang } : {}),
  };
}

function elementOptions(node: StructNode): { lang?: string; alt?: string } {
  return { ...(node.lang ? { lang: node.lang } : {}), ...(node.alt ? { alt: node.alt } : {}) };
}
