import {
  AREA_TITLES,
  AREAS,
  BEST_PRACTICES,
  type Control,
  FACT_TYPES,
  QUESTIONS,
  WELL_ARCHITECTED_VERSION,
} from '@rampart/core';
import { type CliIo, paint } from '../io.js';

/** The `rampart controls --format json` contract (DESIGN.md), plus trigger, description and remediation. */
export function controlsJson(controls: readonly Control<unknown>[]): unknown[] {
  return controls.map((c) => ({
    id: c.id,
    title: c.title,
    area: c.area,
    severity: c.severity,
    resourceTypes: [...c.resourceTypes],
    wellArchitected: [...c.wellArchitected],
    references: {
      awsConfigRules: [...c.references.awsConfigRules],
      securityHub: [...c.references.securityHub],
      cis: [...c.references.cis],
    },
    description: c.description,
    trigger: c.trigger,
    needs: [...c.needs],
    parameters: parameterDefaults(c),
    remediation: { ...c.remediation },
  }));
}

/** Parameter names with their defaults (null where a parameter is optional with no default). */
export function parameterDefaults(control: Control<unknown>): Record<string, unknown> {
  const shape = (control.parameters as { shape?: Record<string, unknown> }).shape;
  if (shape === undefined) return {};
  const defaults = control.parseParameters({}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) out[key] = defaults[key] ?? null;
  return out;
}

export function controlsTable(io: CliIo, controls: readonly Control<unknown>[]): string {
  const rows = [['id', 'area', 'severity', 'trigger', 'resource types', 'title'].map((h) => paint(io, 'dim', h))];
  for (const c of controls) rows.push([c.id, c.area, c.severity, c.trigger, c.resourceTypes.join(', '), c.title]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => visible(r[i]!))));
  const body = rows.map((r) =>
    r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - visible(cell)))).join('  '),
  );
  return `${body.join('\n')}\n${paint(io, 'dim', `${controls.length} controls`)}\n`;
}

function visible(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI escapes to measure width.
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function esc(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** `docs/controls.md`: generated from the catalog; `pnpm docs` rewrites it and a test checks it is current. */
export function controlsMarkdown(controls: readonly Control<unknown>[]): string {
  const out: string[] = [];
  out.push('# Rampart control reference', '');
  out.push(
    '<!-- Generated from the catalog by `pnpm docs` (apps/cli/scripts/generate-docs.mjs). Do not edit by hand. -->',
    '',
  );
  const byArea = AREAS.map((a) => [a, controls.filter((c) => c.area === a).length] as const);
  out.push(
    `${controls.length} controls: ${byArea.map(([a, n]) => `${n} ${AREA_TITLES[a].toLowerCase()}`).join(', ')}. ` +
      `Best practices use the Well-Architected Security Pillar numbering of ${WELL_ARCHITECTED_VERSION}.`,
    '',
  );
  out.push('## Controls', '');
  out.push(
    '| id | title | area | severity | trigger | resource types | best practices | AWS Config rule | Security Hub | CIS v3.0.0 |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const c of controls) {
    out.push(
      `| [\`${c.id}\`](#${c.id}) | ${esc(c.title)} | ${c.area} | ${c.severity} | ${c.trigger} | ${c.resourceTypes.join('<br>')} | ` +
        `${c.wellArchitected.join(' ')} | ${c.references.awsConfigRules.join(' ') || '—'} | ${c.references.securityHub.join(' ') || '—'} | ` +
        `${c.references.cis.join(' ') || '—'} |`,
    );
  }
  out.push('');
  for (const area of AREAS) {
    const list = controls.filter((c) => c.area === area);
    if (list.length === 0) continue;
    out.push(`## ${AREA_TITLES[area]}`, '');
    for (const c of list) {
      out.push(`### ${c.id}`, '');
      out.push(
        `**${esc(c.title)}** — ${c.severity}, ${c.trigger === 'change' ? 'evaluated on configuration change' : 'evaluated periodically'}.`,
        '',
      );
      out.push(c.description, '');
      out.push(`- Resource types: ${c.resourceTypes.map((t) => `\`${t}\``).join(', ')}`);
      if (c.needs.length > 0) out.push(`- Also reads: ${c.needs.map((t) => `\`${t}\``).join(', ')}`);
      out.push(
        `- Best practices: ${c.wellArchitected.map((id) => `${id} ${BEST_PRACTICES.find((b) => b.id === id)?.title ?? ''}`).join('; ')}`,
      );
      if (c.references.awsConfigRules.length > 0)
        out.push(`- AWS Config managed rule: ${c.references.awsConfigRules.map((r) => `\`${r}\``).join(', ')}`);
      if (c.references.securityHub.length > 0) out.push(`- Security Hub: ${c.references.securityHub.join(', ')}`);
      if (c.references.cis.length > 0)
        out.push(`- CIS AWS Foundations Benchmark v3.0.0: ${c.references.cis.join(', ')}`);
      const params = parameterDefaults(c);
      if (Object.keys(params).length > 0) {
        out.push(
          `- Parameters: ${Object.entries(params)
            .map(
              ([k, v]) =>
                `\`${k}\` (default ${v === null ? 'none' : `\`${Array.isArray(v) ? v.join(',') : String(v)}\``})`,
            )
            .join(', ')}`,
        );
      }
      out.push(`- Remediation: ${c.remediation.text} <${c.remediation.url}>`, '');
    }
  }
  out.push('## Coverage by best practice', '');
  out.push('| best practice | title | controls |', '|---|---|---|');
  for (const q of QUESTIONS) {
    for (const bp of BEST_PRACTICES.filter((b) => b.question === q.id)) {
      const ids = controls.filter((c) => c.wellArchitected.includes(bp.id)).map((c) => `\`${c.id}\``);
      out.push(`| ${bp.id} | ${esc(bp.title)} | ${ids.length > 0 ? ids.join(' ') : '—'} |`);
    }
  }
  const covered = BEST_PRACTICES.filter((bp) => controls.some((c) => c.wellArchitected.includes(bp.id))).length;
  out.push('', `${covered} of ${BEST_PRACTICES.length} best practices have at least one control.`, '');
  out.push('## Account-level fact types', '');
  out.push(
    'Facts carry what a configuration item does not; snapshots hold them in the CI envelope (see DESIGN.md, "Snapshot format").',
    '',
  );
  out.push('| type | scope | holds | filled by |', '|---|---|---|---|');
  for (const f of [...FACT_TYPES].sort((a, b) => (a.type < b.type ? -1 : 1))) {
    out.push(`| \`${f.type}\` | ${f.scope} | ${esc(f.description)} | ${esc(f.source)} |`);
  }
  out.push('');
  return out.join('\n');
}
