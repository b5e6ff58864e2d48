import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';
import { controlsJson, controlsMarkdown, controlsTable } from '../render/controls.js';
import { selectControls } from './evaluate.js';

export const CONTROLS_FORMATS = ['table', 'json', 'markdown'] as const;

export function controlsCommand(io: CliIo, options: { area?: string; format: string }): number {
  if (!(CONTROLS_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${CONTROLS_FORMATS.join(', ')}, got "${options.format}"`);
  }
  const controls = selectControls(undefined, options.area);
  if (options.format === 'json') io.stdout(`${JSON.stringify(controlsJson(controls), null, 2)}\n`);
  else if (options.format === 'markdown') io.stdout(controlsMarkdown(controls));
  else io.stdout(controlsTable(io, controls));
  return 0;
}
