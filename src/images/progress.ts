/** Image progress: a bar with counts and ETA on a terminal, a plain line every 10% elsewhere (CI). */
export class Progress {
  private done_ = 0;
  private lastStep = 0;
  private readonly started = performance.now();
  private readonly tty = process.stderr.isTTY === true && !process.env.CI;

  constructor(private readonly total: number) {}

  tick(): void {
    this.done_++;
    if (this.total < 50) return;
    if (this.tty) return this.drawBar();
    const step = Math.floor((this.done_ / this.total) * 10);
    if (step > this.lastStep) {
      this.lastStep = step;
      process.stderr.write(
        `images: ${step * 10}% (${this.done_.toLocaleString("en-US")}/${this.total.toLocaleString("en-US")})\n`,
      );
    }
  }

  private drawBar(): void {
    const share = this.done_ / this.total;
    const elapsed = (performance.now() - this.started) / 1000;
    const eta = share > 0 ? Math.round((elapsed / share) * (1 - share)) : 0;
    const bar = "#".repeat(Math.round(share * 30)).padEnd(30, " ");
    process.stderr.write(
      `\r[${bar}] ${this.done_.toLocaleString("en-US")}/${this.total.toLocaleString("en-US")} images, ${eta} s left `,
    );
  }

  /** Ends the bar and prints one summary line: "1,204 images, 1,180 cached, 3.1 s". */
  done(summary: { images: number; cached: number; seconds: number }): void {
    if (this.tty && this.total >= 50) process.stderr.write("\n");
    console.log(
      `${summary.images.toLocaleString("en-US")} images, ${summary.cached.toLocaleString("en-US")} cached, ${summary.seconds.toFixed(1)} s`,
    );
  }
}
