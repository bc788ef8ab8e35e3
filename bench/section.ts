/** One line of the benchmark's table. */
export interface Row {
  /** What was measured, with its conditions: "inquiry-opening turns/s, 50 askers". */
  measure: string;
  bot: string;
  /** The echo bot's figure beside the bot's, where there is one. */
  echo?: string;
  /** The bot's figure against the echo bot's, or another comparison. */
  ratio?: string;
  target?: string;
  /** Whether the target is met; absent where there is no target. */
  met?: boolean;
}

export interface BenchOptions {
  /** Also the sizes that take minutes (the escalation sweep on a million stored inquiries). */
  large: boolean;
  /** How long each load run lasts. */
  seconds: number;
  /** Progress for the person waiting (stderr); the table goes to stdout. */
  progress(line: string): void;
}

/** A part of the benchmark: it starts what it needs, measures, stops it again, and gives rows. */
export interface Section {
  name: string;
  title: string;
  run(options: BenchOptions): Promise<Row[]>;
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

export function times(value: number): string {
  return `${value.toFixed(2)}×`;
}
