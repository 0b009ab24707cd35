/**
 * Pictures for slides: a drawn SVG (the diagram, the loss curve) as a standalone SVG file — every
 * style it uses written onto its elements, so it looks the same anywhere — or as a PNG at twice the
 * screen resolution. Works on the one element it is given (a ref), never by selecting across the page.
 */

/** The style properties the drawings use; copied from the computed style onto each element. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-opacity',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant-numeric',
  'paint-order',
  'text-anchor',
  'dominant-baseline',
] as const;

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The SVG as a standalone document: inlined styles, a background, explicit size. */
export function svgMarkup(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, k) => {
    const out = target[k] as SVGElement;
    const cs = getComputedStyle(el);
    const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    out.setAttribute('style', style);
    out.removeAttribute('class');
    for (const a of [...out.attributes]) if (a.name.startsWith('data-')) out.removeAttribute(a.name);
  });
  // elements that are never painted (hit areas) only add weight
  for (const el of clone.querySelectorAll('[style*="visibility:hidden"]')) el.remove();
  const vb = svg.viewBox.baseVal;
  const width = vb && vb.width ? vb.width : svg.clientWidth;
  const height = vb && vb.height ? vb.height : svg.clientHeight;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('x', String(vb?.x ?? 0));
  bg.setAttribute('y', String(vb?.y ?? 0));
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute(
    'fill',
    getComputedStyle(svg).backgroundColor || getComputedStyle(document.body).backgroundColor,
  );
  clone.insertBefore(bg, clone.firstChild);
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { markup, width, height };
}

export function exportSvg(svg: SVGSVGElement, name: string): void {
  downloadBlob(`${name}.svg`, new Blob([svgMarkup(svg).markup], { type: 'image/svg+xml' }));
}

/** Renders the standalone SVG into a canvas at `scale` × its size and saves it as PNG. */
export async function exportPng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const { markup, width, height } = svgMarkup(svg);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the drawing could not be rendered'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the PNG could not be made');
    downloadBlob(`${name}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
