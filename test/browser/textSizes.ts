/** How big the page's texts are drawn: shared by the presenter-mode and exercise tests. */
import type { Page } from 'playwright-core';

/**
 * Visible texts under `min` px on screen: DOM text by its computed size, the graph's SVG text
 * scaled by its screen matrix; each as `12.0px "its text"`.
 */
export function smallTexts(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('.sr-only')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue;
      const svg = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
      const px = parseFloat(style.fontSize) * (svg ? Math.hypot(svg.a, svg.b) : 1);
      if (px < min - 0.01) found.push(`${px.toFixed(1)}px "${n.textContent.trim().slice(0, 30)}"`);
    }
    return found;
  }, min);
}
