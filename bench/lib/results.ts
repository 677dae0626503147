/** The shape of bench/results.json. */
import type { ColdStartResults } from '../phases/cold-start';
import type { FlowResults } from '../phases/flows';
import type { MiniProgramSize } from '../phases/miniprogram-size';
import type { WarmCpuResults } from '../phases/warm-cpu';
import type { Machine } from './machine';
import type { Summary } from './stats';

/** One line of the printed table; `met` is undefined for figures without a target. */
export interface Row {
  figure: string;
  value: string;
  target: string;
  met?: boolean;
}

export interface Results {
  machine: Machine;
  settings: {
    samples: number;
    profileSamples: number;
    createCalls: number;
    flowLimits: { maxMs: number; maxFlows: number };
  };
  bundles: Record<string, { bytes: number; kb: number }>;
  coldStart: ColdStartResults;
  /** The `payscore` start action in a warm process, same handler and sandbox, ms. */
  warmStartMs: Summary;
  warmCpu: WarmCpuResults;
  flows: FlowResults & { refused: string[] };
  miniprogram: MiniProgramSize;
  /** Network destinations the guard refused anywhere in the run (should be empty). */
  refused: string[];
  durationSeconds: number;
  /** 1-minute load average when the run ended (compare machine.loadAverageAtStart). */
  loadAverageAtEnd: number;
  rows: Row[];
}
