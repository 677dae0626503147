/** The readable record `npm start` prints: numbered steps with the time since the start. */
export class Transcript {
  private readonly started = Date.now();
  private step = 0;
  readonly lines: string[] = [];

  constructor(private readonly print: (line: string) => void) {}

  /** Records a numbered step. */
  say(text: string): void {
    this.step += 1;
    this.write(`${String(this.step).padStart(2)}. ${text}`);
  }

  /** Records a detail of the current step. */
  detail(text: string): void {
    this.write(`    ${text}`);
  }

  private write(text: string): void {
    const ms = String(Date.now() - this.started).padStart(6);
    const line = `[${ms} ms] ${text}`;
    this.lines.push(line);
    this.print(line);
  }
}
