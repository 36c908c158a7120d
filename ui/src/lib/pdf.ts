// pdf.js, loaded on first use (it is large) with its worker bundled by Vite. The legacy build
// is used on purpose: it carries the polyfills older WebViews (WebKitGTK) need, and it was
// checked to load and parse a lampiran with `Object.prototype` frozen (Tauri freezePrototype).

import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type { PDFDocumentProxy };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

async function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'),
  ]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loading;
}

/** Opens PDF bytes (the buffer is handed to the worker; do not reuse it). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  // No eval (the CSP forbids it) and nothing fetched: the lampiran embeds its fonts.
  return lib.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
}

/** Draws page `number` (1-based) into `canvas`, `cssWidth` pixels wide on screen. */
export async function drawPage(
  doc: PDFDocumentProxy,
  number: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<void> {
  const page = await doc.getPage(number);
  const base = page.getViewport({ scale: 1 });
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
  page.cleanup();
}

/** The text of every page, one string per page (for screen readers and the E2E test). The
 * stream is read by hand: `getTextContent` iterates it with `for await`, which WebKitGTK's
 * ReadableStream does not support. */
export async function documentText(doc: PDFDocumentProxy): Promise<string[]> {
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const reader = page.streamTextContent().getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const chunk = value as { items: ({ str: string; hasEOL: boolean } | { type: string })[] };
      for (const item of chunk.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : ' ');
      }
    }
    out.push(text.replace(/[ \t]+/g, ' ').trim());
  }
  return out;
}
