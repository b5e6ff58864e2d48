import * as z from 'zod';
import { type Attestation, AttestationFact } from '../../facts/index.js';
import { type Control, compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import type { Area, Severity } from '../../model/types.js';
import { bestPractice } from '../../wellarchitected/best-practices.js';

const DAY_MS = 86_400_000;

export interface AttestationControlDefinition {
  id: string;
  /** The one best practice the attestation answers for. */
  bestPractice: string;
  title: string;
  description: string;
  area: Area;
  severity: Severity;
  /** Why a person's attestation is the evidence for this best practice (one line). */
  rationale: string;
  remediation: { text: string; url: string };
  /** How long an attestation stays current when it does not say (parameter `reviewPeriodDays`). */
  reviewPeriodDays: number;
}

export type AttestationParameters = { reviewPeriodDays: number };

/** The newest attestation for a best practice (by date; later entries win ties). */
export function latestAttestation(list: readonly Attestation[], bp: string): Attestation | undefined {
  let latest: Attestation | undefined;
  for (const a of list) {
    if (a.bestPractice !== bp) continue;
    if (latest === undefined || Date.parse(a.date) >= Date.parse(latest.date)) latest = a;
  }
  return latest;
}

/**
 * An attestation control: an answer only people can give (a threat model, training, game days),
 * read from `Rampart::Attestation` facts. Missing or past its review period is NON_COMPLIANT.
 * Evaluated by the CLI and the report generator only, never by an AWS Config rule (`kind`).
 */
export function attestationControl(definition: AttestationControlDefinition): Control<AttestationParameters> {
  const bp = definition.bestPractice;
  const bpTitle = bestPractice(bp)?.title ?? bp;
  return defineControl<AttestationParameters>({
    id: definition.id,
    title: definition.title,
    description: definition.description,
    area: definition.area,
    severity: definition.severity,
    kind: 'attestation',
    resourceTypes: ['AWS::::Account'],
    scope: 'global',
    wellArchitected: [bp],
    rationale: { [bp]: definition.rationale },
    trigger: 'periodic',
    needs: [AttestationFact.type],
    parameters: z.strictObject({ reviewPeriodDays: param.int(definition.reviewPeriodDays, { min: 1, max: 3660 }) }),
    remediation: definition.remediation,
    evaluate(item, ctx) {
      const lookup = ctx.fact(AttestationFact);
      const latest = lookup.found ? latestAttestation(lookup.value.attestations, bp) : undefined;
      if (latest === undefined) {
        return nonCompliant(`Account ${item.accountId} has no attestation for ${bp} (${bpTitle}).`);
      }
      const period = latest.reviewPeriodDays ?? ctx.params.reviewPeriodDays;
      const dueAt = Date.parse(latest.date) + period * DAY_MS;
      const due = new Date(dueAt).toISOString().slice(0, 10);
      const dated = latest.date.slice(0, 10);
      if (ctx.now.getTime() > dueAt) {
        return nonCompliant(
          `The attestation for ${bp} by ${latest.owner} dated ${dated} expired on ${due} (review period ${period} days).`,
        );
      }
      return compliant(
        `${bp} is attested by ${latest.owner} on ${dated}, evidence ${latest.evidence}, current until ${due}.`,
      );
    },
  });
}
