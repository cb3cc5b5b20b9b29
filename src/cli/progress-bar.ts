/** A one-line progress bar on a TTY; silent when the stream is not a terminal or not `enabled`. */
export class ProgressBar {
  private readonly active: boolean;
  private last = -1;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
    enabled: boolean,
  ) {
    this.active = enabled && !!stream.isTTY;
  }

  update(done: number): void {
    if (!this.active) return;
    const pct = Math.floor((done / Math.max(1, this.total)) * 100);
    if (pct === this.last) return;
    this.last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    this.stream.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} resumes`,
    );
  }

  done(): void {
    if (this.active) this.stream.write('\r\x1b[2K');
  }
}
