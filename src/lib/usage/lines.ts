/**
 * Splits streamed text into complete records. For CSV it does not split inside a quoted field (a field may hold a
 * newline; quotes inside a field are doubled, so an odd running count of `"` means "inside a field"). Pure.
 */
export class RecordSplitter {
  private rest = '';
  private inQuotes = false;
  private scanned = 0; // chars of `rest` already scanned for quotes
  constructor(private readonly quoteAware: boolean) {}

  /** Appends `chunk`; returns the complete records so far as one string ending in a newline (or ''). */
  push(chunk: string): string {
    this.rest += chunk;
    const text = this.rest;
    let cut = -1;
    if (!this.quoteAware) {
      cut = text.lastIndexOf('\n');
    } else {
      let q = this.inQuotes;
      for (let i = this.scanned; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 34) q = !q;
        else if (c === 10 && !q) cut = i;
      }
      // Re-scan from the cut next time; the quote state at the cut is "outside".
      if (cut >= 0) {
        let q2 = false;
        for (let i = cut + 1; i < text.length; i++) if (text.charCodeAt(i) === 34) q2 = !q2;
        this.inQuotes = q2;
      } else this.inQuotes = q;
      this.scanned = cut >= 0 ? text.length - cut - 1 : text.length;
    }
    if (cut < 0) return '';
    this.rest = text.slice(cut + 1);
    if (!this.quoteAware) this.scanned = 0;
    return text.slice(0, cut + 1);
  }

  /** What is left at the end of the file (a last record with no newline), and whether it ends inside a quoted field. */
  end(): { tail: string; openQuote: boolean } {
    const tail = this.rest;
    this.rest = '';
    return { tail, openQuote: this.quoteAware && this.inQuotes };
  }
}
