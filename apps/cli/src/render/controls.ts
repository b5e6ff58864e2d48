import {
  AREA_TITLES,
  AREAS,
  BEST_PRACTICES,
  CIS_REQUIREMENTS,
  CIS_VERSION,
  CONFORMANCE_PACK_NAME,
  CONFORMANCE_PACK_RULES,
  type Control,
  FACT_TYPES,
  preventiveComponents,
  QUESTIONS,
  WELL_ARCHITECTED_VERSION,
} from '@rampart/core';
import { type CliIo, paint } from '../io.js';

/**
 * The `rampart controls --format json` contract (DESIGN.md), plus kind, the rationale per best
 * practice, trigger, description and remediation.
 */
export function controlsJson(controls: readonly Control<unknown>[]): unknown[] {
  return controls.map((c) => ({
    id: c.id,
    title: c.title,
    area: c.area,
    severity: c.severity,
    resourceTypes: [...c.resourceTypes],
    wellArchitected: [...c.wellArchitected],
    rationale: Object.fromEntries(c.wellArchitected.map((bp) => [bp, c.rationale[bp] ?? ''])),
    kind: c.kind,
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
    /** Pulumi baseline components (`@rampart/pulumi-baseline`) whose deployment satisfies the control. */
    baseline: preventiveComponents(c.id),
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
  const rows = [
    ['id', 'area', 'severity', 'trigger', 'resource types', 'baseline', 'title'].map((h) => paint(io, 'dim', h)),
  ];
  for (const c of controls) {
    const baseline = preventiveComponents(c.id).join(', ') || '-';
    rows.push([c.id, c.area, c.severity, c.trigger, c.resourceTypes.join(', '), baseline, c.title]);
  }
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
    '| id | title | area | severity | evidence | trigger | resource types | best practices | AWS Config rule | Security Hub | CIS v3.0.0 |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of controls) {
    out.push(
      `| [\`${c.id}\`](#${c.id}) | ${esc(c.title)} | ${c.area} | ${c.severity} | ${c.kind} | ${c.trigger} | ${c.resourceTypes.join('<br>')} | ` +
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
      if (c.kind === 'attestation') {
        out.push(
          '- Evidence: attestation (`--attestations`, see [attestations.md](attestations.md)); not deployed as a Config rule',
        );
      }
      out.push('- Best practices:');
      for (const id of c.wellArchitected) {
        out.push(`  - ${id} ${bestPracticeTitle(id)}: ${c.rationale[id] ?? ''}`);
      }
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
      const baseline = preventiveComponents(c.id);
      if (baseline.length > 0) {
        out.push(`- Prevented by the Pulumi baseline: ${baseline.map((b) => `\`${b}\``).join(', ')}`);
      }
      out.push(`- Remediation: ${c.remediation.text} <${c.remediation.url}>`, '');
    }
  }
  out.push(...coverageSections(controls));
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

function bestPracticeTitle(id: string): string {
  return BEST_PRACTICES.find((b) => b.id === id)?.title ?? '';
}

function idList(list: readonly Control<unknown>[]): string {
  return list.length > 0 ? list.map((c) => `[\`${c.id}\`](#${c.id})`).join(' ') : '—';
}

/**
 * The framework views of docs/controls.md, generated from the controls' own mappings: per
 * Well-Architected best practice (automated vs attested), per CIS v3.0.0 requirement and per
 * conformance-pack rule. Counts are of the controls given, so `--area` narrows them honestly.
 */
export function coverageSections(controls: readonly Control<unknown>[]): string[] {
  const out: string[] = [];
  const automated = controls.filter((c) => c.kind !== 'attestation');
  const attested = controls.filter((c) => c.kind === 'attestation');
  const byBp = (list: readonly Control<unknown>[], bp: string) => list.filter((c) => c.wellArchitected.includes(bp));

  out.push('## Coverage by best practice', '');
  out.push(
    'Automated controls read configuration items and facts collected from AWS; attested ones read what people declared with `--attestations` ([attestations.md](attestations.md)). ' +
      'Each mapping carries a one-line rationale (in the control sections above and in this table).',
    '',
  );
  out.push('| best practice | title | automated | attested | controls and rationale |', '|---|---|---|---|---|');
  let withAutomated = 0;
  let attestedOnly = 0;
  let covered = 0;
  for (const q of QUESTIONS) {
    for (const bp of BEST_PRACTICES.filter((b) => b.question === q.id)) {
      const a = byBp(automated, bp.id);
      const t = byBp(attested, bp.id);
      if (a.length + t.length > 0) covered++;
      if (a.length > 0) withAutomated++;
      else if (t.length > 0) attestedOnly++;
      const cells = [...a, ...t].map((c) => `[\`${c.id}\`](#${c.id}): ${esc(c.rationale[bp.id] ?? '')}`);
      out.push(
        `| ${bp.id} | ${esc(bp.title)} | ${a.length} | ${t.length} | ${cells.length > 0 ? cells.join('<br>') : '—'} |`,
      );
    }
  }
  const total = BEST_PRACTICES.length;
  out.push(
    '',
    `${covered} of ${total} best practices have at least one control: ${withAutomated} with automated evidence, ` +
      `${attestedOnly} by attestation only, ${total - covered} with none. ` +
      `${automated.length} automated and ${attested.length} attestation controls.`,
    '',
  );

  out.push(`## Coverage by CIS AWS Foundations Benchmark v${CIS_VERSION} requirement`, '');
  out.push('| requirement | title | assessment | Security Hub | Rampart controls |', '|---|---|---|---|---|');
  let cisCovered = 0;
  for (const r of CIS_REQUIREMENTS) {
    const list = controls.filter((c) => c.references.cis.includes(r.id));
    if (list.length > 0) cisCovered++;
    out.push(`| ${r.id} | ${esc(r.title)} | ${r.assessment} | ${r.securityHub.join(' ') || '—'} | ${idList(list)} |`);
  }
  const uncoveredCis = CIS_REQUIREMENTS.filter((r) => !controls.some((c) => c.references.cis.includes(r.id)));
  out.push(
    '',
    `${cisCovered} of ${CIS_REQUIREMENTS.length} CIS v${CIS_VERSION} requirements have a Rampart control. ` +
      `None yet: ${uncoveredCis.map((r) => r.id).join(', ') || '—'}.`,
    '',
  );

  out.push(`## Coverage by conformance-pack rule`, '');
  out.push(
    `The ${CONFORMANCE_PACK_RULES.length} AWS Config managed rules of the conformance pack "${CONFORMANCE_PACK_NAME}", and the Rampart control that implements each.`,
    '',
  );
  out.push('| AWS Config rule | identifier | Rampart control |', '|---|---|---|');
  let packCovered = 0;
  for (const rule of CONFORMANCE_PACK_RULES) {
    const list = controls.filter((c) => c.references.awsConfigRules.includes(rule.name));
    if (list.length > 0) packCovered++;
    out.push(`| \`${rule.name}\` | ${rule.identifier} | ${idList(list)} |`);
  }
  const missingRules = CONFORMANCE_PACK_RULES.filter(
    (r) => !controls.some((c) => c.references.awsConfigRules.includes(r.name)),
  );
  out.push(
    '',
    `${packCovered} of ${CONFORMANCE_PACK_RULES.length} conformance-pack rules have a Rampart control.` +
      (missingRules.length > 0 ? ` None yet: ${missingRules.map((r) => `\`${r.name}\``).join(', ')}.` : ''),
    '',
  );
  return out;
}
