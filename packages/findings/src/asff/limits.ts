/** Security Hub limits (DESIGN.md "AWS limits" and the ASFF reference). */
export const LIMITS = {
  title: 256,
  description: 1024,
  recommendationText: 512,
  /** Bytes of one finding's JSON. */
  findingBytes: 240 * 1024,
  /** Findings per BatchImportFindings call. */
  batchFindings: 100,
  /** Bytes of one BatchImportFindings request body (6 MB; decimal, to stay clear of the edge). */
  batchBytes: 6_000_000,
  types: 50,
  resources: 32,
  relatedRequirements: 32,
  productFields: 50,
  productFieldKey: 128,
  productFieldValue: 2048,
} as const;

export const SCHEMA_VERSION = '2018-10-08';
