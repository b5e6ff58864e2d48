import * as z from 'zod';
import { ConfigItem } from '../ci/config-item.js';
import { type Attestation, AttestationFact, AttestationSchema } from '../facts/index.js';
import { GLOBAL_REGION } from '../model/types.js';
import type { InputProblem, Snapshot } from './snapshot.js';

/** Version of the `--attestations` file format (docs/attestations.md). */
export const ATTESTATION_FILE_VERSION = 1;

/** One entry of an attestations file: an attestation, and the accounts it is for (all evaluated accounts when absent). */
export const AttestationFileEntrySchema = AttestationSchema.extend({
  accounts: z
    .array(z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'))
    .min(1)
    .optional(),
}).strict();
export type AttestationFileEntry = z.infer<typeof AttestationFileEntrySchema>;

/** The file as a whole; entries are validated one by one so a bad entry does not hide the others. */
export const AttestationFileSchema = z.strictObject({
  version: z.literal(ATTESTATION_FILE_VERSION),
  attestations: z.array(z.unknown()),
});

export interface AttestationFileResult {
  entries: AttestationFileEntry[];
  /** Problems with file, position (`file` or `index N`) and zod path; valid entries are still returned. */
  problems: InputProblem[];
}

/** Parses the text of an attestations file (JSON, docs/attestations.md). Pure: the caller reads the file. */
export function parseAttestationFile(input: string, source: string): AttestationFileResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return {
      entries: [],
      problems: [{ source, position: 'file', path: '', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  const file = AttestationFileSchema.safeParse(doc);
  if (!file.success) {
    return {
      entries: [],
      problems: file.error.issues.map((i) => ({
        source,
        position: 'file',
        path: i.path.map(String).join('.'),
        message: i.message,
      })),
    };
  }
  const entries: AttestationFileEntry[] = [];
  const problems: InputProblem[] = [];
  file.data.attestations.forEach((raw, index) => {
    const entry = AttestationFileEntrySchema.safeParse(raw);
    if (entry.success) {
      entries.push(entry.data);
      return;
    }
    for (const i of entry.error.issues) {
      problems.push({ source, position: `index ${index}`, path: i.path.map(String).join('.'), message: i.message });
    }
  });
  return { entries, problems };
}

export interface AddedAttestations {
  /** Accounts that received attestations, with how many. */
  accounts: { accountId: string; attestations: number }[];
  /** Entries that name no account of the snapshot. */
  unmatched: number;
  /**
   * Accounts left without attestations because the input holds no account-level data for them (a
   * plain list of resource CIs): adding a fact would make every other account-level control run there
   * and report missing data.
   */
  skipped: string[];
}

/**
 * Adds attestation entries to the snapshot as `Rampart::Attestation` facts, one per account of the
 * snapshot: entries without `accounts` apply to every account, the others to the accounts they list.
 * Attestations the snapshot already holds for an account are kept. Accounts the input says nothing
 * account-level about (no header, fact or collection error) are skipped, as the engine skips them.
 */
export function addAttestations(
  snapshot: Snapshot,
  entries: readonly AttestationFileEntry[],
  source: string,
): AddedAttestations {
  const accounts = snapshot.accounts();
  const known = new Set(accounts);
  const unmatched = entries.filter((e) => e.accounts !== undefined && !e.accounts.some((a) => known.has(a))).length;
  const added: AddedAttestations['accounts'] = [];
  const skipped: string[] = [];
  const hasHeader = snapshot.headers.length > 0;
  for (const accountId of accounts) {
    const mine: Attestation[] = entries
      .filter((e) => e.accounts === undefined || e.accounts.includes(accountId))
      .map(({ accounts: _accounts, ...attestation }) => attestation);
    if (mine.length === 0) continue;
    const accountKnown =
      hasHeader || snapshot.hasFacts(accountId) || snapshot.collectionErrors().some((e) => e.accountId === accountId);
    if (!accountKnown) {
      skipped.push(accountId);
      continue;
    }
    const existing = snapshot.fact(AttestationFact.type, accountId, GLOBAL_REGION)?.value as
      | { attestations: Attestation[] }
      | undefined;
    const attestations = [...(existing?.attestations ?? []), ...mine];
    snapshot.add(
      new ConfigItem({
        shape: 'event',
        resourceType: AttestationFact.type,
        resourceId: accountId,
        resourceName: undefined,
        arn: undefined,
        accountId,
        region: GLOBAL_REGION,
        status: 'OK',
        captureTime: undefined,
        tags: {},
        relationships: [],
        configuration: { attestations },
        supplementary: undefined,
      }),
      { source, position: 'attestations' },
    );
    added.push({ accountId, attestations: mine.length });
  }
  return { accounts: added, unmatched, skipped };
}
