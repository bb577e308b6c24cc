// Evidence offsets count Unicode code points, as Python's str does; JavaScript strings and
// the DOM count UTF-16 units. Every offset between the model and the page goes through
// CodePoints, so spans stay exact after characters outside the Basic Multilingual Plane.
export class CodePoints {
  constructor(text) {
    this.text = text;
    this.toU16 = [0]; // code point index -> UTF-16 index
    let u = 0;
    for (const ch of text) {
      u += ch.length;
      this.toU16.push(u);
    }
    this.length = this.toU16.length - 1;
  }

  // The code point index at (or just before) a UTF-16 index.
  toCp(u) {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.toU16[mid] <= u) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  slice(start, end) {
    return this.text.slice(this.toU16[start], this.toU16[end]);
  }
}

// The current selection inside `box` (which holds exactly the source text) as code-point
// offsets, trimmed of surrounding white space; null when there is none.
export function selectionIn(box, cps) {
  const sel = window.getSelection();
  if (!cps || !sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
  const upTo = (node, offset) => {
    const r = document.createRange();
    r.setStart(box, 0);
    r.setEnd(node, offset);
    return r.toString().length;
  };
  let start = cps.toCp(upTo(range.startContainer, range.startOffset));
  let end = cps.toCp(upTo(range.endContainer, range.endOffset));
  while (start < end && /\s/.test(cps.slice(start, start + 1))) start++;
  while (end > start && /\s/.test(cps.slice(end - 1, end))) end--;
  if (start >= end) return null;
  return { start, end, text: cps.slice(start, end) };
}
