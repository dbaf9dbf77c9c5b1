import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * For each element marked `data-fit` inside `container` (in document order), the index of the
 * longest of its `choices` (longest first) that fits its width at its font, or `choices.length`
 * when none does. Measured with a canvas on mount, when the container is resized and when `key`
 * changes (e.g. presenter mode's larger font).
 */
export function useFittingLabels(
  container: RefObject<HTMLElement | null>,
  choices: readonly (readonly string[])[],
  key: unknown,
): number[] {
  const [levels, setLevels] = useState<number[]>(() => choices.map(() => 0));
  useLayoutEffect(() => {
    const root = container.current;
    const ctx = document.createElement('canvas').getContext('2d');
    if (!root || !ctx) return;
    const measure = () => {
      const cells = root.querySelectorAll<HTMLElement>('[data-fit]');
      const next = choices.map((labels, i) => {
        const cell = cells[i];
        if (!cell) return 0;
        const style = getComputedStyle(cell);
        const room =
          cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 2;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const fits = labels.findIndex((label) => ctx.measureText(label).width <= room);
        return fits === -1 ? labels.length : fits;
      });
      setLevels((was) => (was.join() === next.join() ? was : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [container, choices, key]);
  return levels;
}
