/**
 * Pictures of the views as files: an `<svg>` serialised on its own (the page's CSS inlined, so
 * the file looks as the screen does), rasterised to PNG through a canvas; a `<canvas>` to PNG,
 * and to an SVG that embeds that PNG. Browser-only (DOM, canvas), no UI framework.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The presentation properties the graph's stylesheet sets; copied onto every element. */
const STYLE_PROPERTIES = [
  'display',
  'visibility',
  'opacity',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

/**
 * A standalone SVG document of `svg` as it is on screen (its current size, pan and zoom), with
 * computed styles inlined and a white background.
 */
export function serializeSvg(svg: SVGSVGElement): string {
  const width = Math.round(svg.clientWidth || svg.getBoundingClientRect().width || 800);
  const height = Math.round(svg.clientHeight || svg.getBoundingClientRect().height || 600);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  for (const name of ['class', 'style', 'data-testid', 'role']) clone.removeAttribute(name);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Copies the computed presentation styles of `source`'s elements onto `target`'s (same tree). */
function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const declarations: string[] = [];
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    if (value) declarations.push(`${property}:${value}`);
  }
  if (declarations.length > 0) target.setAttribute('style', declarations.join(';'));
  target.removeAttribute('class');
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i], to[i]);
}

/** Rasterises an SVG document to PNG at `scale` times its size. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.width * scale));
    canvas.height = Math.max(1, Math.round(image.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2-D canvas context to draw the picture');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The canvas's pixels as a PNG. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded'))),
      'image/png',
    ),
  );
}

/** An SVG document embedding the canvas's pixels, at the canvas's size on screen. */
export function canvasToSvg(canvas: HTMLCanvasElement): string {
  const width = Math.round(canvas.clientWidth || canvas.width);
  const height = Math.round(canvas.clientHeight || canvas.height);
  const data = canvas.toDataURL('image/png');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<image href="${data}" width="${width}" height="${height}"/></svg>`
  );
}
