/**
 * Whether a quotation is open at a point of a text, for one mark character ('"'). A mark right
 * after a digit outside any quotation measures ("6'11\"", 'a 27" screen') and leaves the state
 * as it was; every other mark opens or closes a quotation; a line break ends the paragraph and
 * any quotation in it. The text is read once, at the first question; each answer is a search.
 */
export class QuoteState {
  /** Offsets where the state changed, rising, and the state from each on. */
  private changes: number[] | null = null;
  private states: boolean[] = [];

  constructor(
    private readonly text: string,
    private readonly mark: string,
  ) {}

  /** Whether a quotation is open just before `at`. */
  openAt(at: number): boolean {
    const changes = this.changes ?? this.read();
    let low = 0;
    let high = changes.length;
    // the last change before `at`
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((changes[middle] as number) < at) low = middle + 1;
      else high = middle;
    }
    return low > 0 && this.states[low - 1] === true;
  }

  private read(): number[] {
    const changes: number[] = [];
    const text = this.text;
    let quoted = false;
    for (let offset = 0; offset < text.length; offset++) {
      const character = text[offset];
      if (character === '\n') {
        if (quoted) {
          quoted = false;
          changes.push(offset);
          this.states.push(false);
        }
      } else if (character === this.mark && (quoted || !/\d/.test(text[offset - 1] ?? ''))) {
        quoted = !quoted;
        changes.push(offset);
        this.states.push(quoted);
      }
    }
    this.changes = changes;
    return changes;
  }
}
