// Layout checks for e2e tests, by DOM measurement in the page: a screen must not scroll sideways,
// an amount of money must never wrap or be clipped, and a menu item must sit whole inside its bar
// and the viewport. Money is found two ways so nothing escapes: elements marked `data-money` (the
// Money component), and every amount written anywhere as text (a run of the currency symbol and
// digits, with its sign), measured as a Range over exactly those characters.
import type { Page } from 'playwright-core';

/** No horizontal page scroll: tables scroll inside their cards. */
export const pageFitsWidth = (p: Page): Promise<boolean> =>
  p.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

export interface LayoutProblem {
  /** 'money' or 'menu' */
  kind: string;
  text: string;
  why: string;
}

interface LayoutQuery {
  /** CSS selector of the part of the page to check for money, e.g. 'main'. */
  scope: string;
  /** The currency symbol amounts are written with, e.g. '₹'. */
  symbol: string;
  /** CSS selector of the menu items that must all be whole and visible, or null. */
  menuItems: string | null;
}

/** Every amount in `scope` that wraps or is clipped, and every menu item that does not fit. */
export const layoutProblems = (p: Page, query: LayoutQuery): Promise<LayoutProblem[]> =>
  p.evaluate(({ scope, symbol, menuItems }) => {
    const problems: { kind: string; text: string; why: string }[] = [];
    const lineCount = (rects: DOMRectList): number => {
      // Fragments on one line overlap vertically; a fragment starting below the line's bottom
      // starts a new line (a kbd beside the label is smaller but on the same line).
      const boxes = Array.from(rects).filter((r) => r.width > 0 && r.height > 0);
      boxes.sort((a, b) => a.top - b.top);
      let lines = 0;
      let bottom = -Infinity;
      for (const r of boxes) {
        if (r.top >= bottom - 2) {
          lines += 1;
          bottom = r.bottom;
        } else bottom = Math.max(bottom, r.bottom);
      }
      return lines;
    };
    const describe = (a: Element) => `<${a.tagName.toLowerCase()} class="${a.className}">`;
    /** Why the box `r` of something inside `el` cannot be seen whole, or null. */
    const clippedBy = (el: Element, r: DOMRect): string | null => {
      if (r.left < -0.5 || r.right > window.innerWidth + 0.5) return 'outside the viewport';
      // Spilling out of its own box (a tile, a cell) is a fault even where nothing clips it.
      let block: Element | null = el;
      while (block && getComputedStyle(block).display.startsWith('inline'))
        block = block.parentElement;
      if (block) {
        const box = block.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
          return `sticks out of ${describe(block)}`;
      }
      for (let a: Element | null = el; a && a !== document.documentElement; a = a.parentElement) {
        const style = getComputedStyle(a);
        const box = a.getBoundingClientRect();
        // Any clipping or scrolling ancestor hides what lies beside it: sideways is never fine.
        if (style.overflowX !== 'visible' && (r.left < box.left - 0.5 || r.right > box.right + 0.5))
          return `cut at the side by ${describe(a)}`;
        // Up and down, only a box that hides (not one that scrolls) is a clip.
        if (
          (style.overflowY === 'hidden' || style.overflowY === 'clip') &&
          (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        )
          return `cut top or bottom by ${describe(a)}`;
        if (
          a instanceof HTMLElement &&
          style.overflowX === 'hidden' &&
          a.clientWidth > 0 &&
          a.scrollWidth > a.clientWidth + 1
        )
          return `overflows ${describe(a)} (scrollWidth ${a.scrollWidth} > clientWidth ${a.clientWidth})`;
      }
      return null;
    };
    const check = (kind: string, el: Element, range: Range, text: string) => {
      const rects = range.getClientRects();
      if (rects.length === 0) return; // not rendered (a closed tab, a hidden print-only part)
      const lines = lineCount(rects);
      if (lines > 1) problems.push({ kind, text, why: `wraps onto ${lines} lines` });
      const clip = clippedBy(el, range.getBoundingClientRect());
      if (clip) problems.push({ kind, text, why: clip });
    };

    const root = document.querySelector(scope);
    if (!root) return [{ kind: 'scope', text: scope, why: 'not on the page' }];
    for (const el of Array.from(root.querySelectorAll('[data-money]'))) {
      const range = document.createRange();
      range.selectNodeContents(el);
      check('money', el, range, el.textContent ?? '');
    }
    // An amount as written: optional sign, the symbol, digits with group separators and decimals.
    const escaped = symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const amount = new RegExp(`[-\u2212]?${escaped}\\s?[\\d,.]*\\d`, 'g');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const value = n.nodeValue ?? '';
      const parent = n.parentElement;
      if (!parent || !value.includes(symbol)) continue;
      for (const m of value.matchAll(amount)) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        check('money', parent, range, m[0]);
      }
    }
    if (menuItems) {
      for (const el of Array.from(document.querySelectorAll(menuItems))) {
        const label = (el.textContent ?? '').trim();
        const range = document.createRange();
        range.selectNodeContents(el);
        if (el.getClientRects().length === 0) {
          problems.push({ kind: 'menu', text: label, why: 'not shown' });
          continue;
        }
        if (lineCount(range.getClientRects()) > 1)
          problems.push({ kind: 'menu', text: label, why: 'label wraps' });
        const r = el.getBoundingClientRect();
        if (r.bottom > window.innerHeight + 0.5)
          problems.push({ kind: 'menu', text: label, why: 'below the viewport' });
        const clip = clippedBy(el, r);
        if (clip) problems.push({ kind: 'menu', text: label, why: clip });
      }
    }
    return problems;
  }, query);

/** Every amount written with a hyphen-minus before the currency symbol ("-₹5.00"). */
export const hyphenNegatives = (p: Page, scope: string, symbol: string): Promise<string[]> =>
  p.evaluate(
    ({ scope, symbol }) => {
      const text = document.querySelector(scope)?.textContent ?? '';
      const escaped = symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return [...text.matchAll(new RegExp(`-${escaped}\\s?[\\d,.]*\\d`, 'g'))].map((m) => m[0]);
    },
    { scope, symbol },
  );

/** Whether the element is wholly inside the visible part of its scroll container, below a sticky header. */
export const visibleInScroller = (p: Page, selector: string, scroller: string): Promise<boolean> =>
  p.evaluate(
    ({ selector, scroller }) => {
      const el = document.querySelector(selector);
      const box = document.querySelector(scroller);
      if (!el || !box) return false;
      const r = el.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const head = box.querySelector('thead')?.getBoundingClientRect();
      const top = Math.max(b.top, head ? head.bottom : b.top);
      return r.top >= top - 1 && r.bottom <= b.bottom + 1;
    },
    { selector, scroller },
  );
