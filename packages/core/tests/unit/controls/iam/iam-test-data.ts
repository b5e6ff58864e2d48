import {
  type Control,
  CredentialReportFact,
  type CredentialReportUser,
  type Evaluation,
} from '../../../../src/index.js';
import { ACCOUNT, factItem, fixture, type Json, type RunOptions, run } from '../../../helpers.js';

/** AWS Config's encoding of IAM policy documents: percent-encoding, `%20` for spaces, `*` as `%2A`. */
export const awsConfigEncode = (doc: unknown): string =>
  encodeURIComponent(JSON.stringify(doc, null, 4)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

export const user = () => fixture('AWS::IAM::User', 'developer');
export const role = () => fixture('AWS::IAM::Role', 'task-role');
export const group = () => fixture('AWS::IAM::Group', 'developers');
export const policy = () => fixture('AWS::IAM::Policy', 'customer-managed');

/** A second IAM user CI, derived from the developer fixture. */
export function otherUser(name: string, userId: string, over: Json = {}): Json {
  const ci = user();
  const arn = `arn:aws:iam::${ACCOUNT}:user/${name}`;
  ci.resourceId = userId;
  ci.resourceName = name;
  ci.ARN = arn;
  Object.assign(ci.configuration, { userName: name, userId, arn, ...over });
  return ci;
}

/** A credential report row for the developer user: console password with MFA, one key rotated recently. */
export function reportRow(over: Partial<CredentialReportUser> = {}): CredentialReportUser {
  return {
    user: 'maria.silva',
    arn: `arn:aws:iam::${ACCOUNT}:user/maria.silva`,
    userCreationTime: '2024-02-12T09:14:37+00:00',
    passwordEnabled: true,
    passwordLastUsed: '2026-11-27T08:12:44+00:00',
    passwordLastChanged: '2026-09-01T10:03:12+00:00',
    mfaActive: true,
    accessKey1Active: true,
    accessKey1LastRotated: '2026-10-15T09:21:05+00:00',
    accessKey1LastUsedDate: '2026-11-28T22:10:00+00:00',
    accessKey2Active: false,
    accessKey2LastRotated: null,
    accessKey2LastUsedDate: null,
    ...over,
  };
}

/** The root user's row, which the per-user controls leave out. */
export const ROOT_ROW: CredentialReportUser = {
  user: '<root_account>',
  arn: `arn:aws:iam::${ACCOUNT}:root`,
  userCreationTime: '2019-03-05T12:00:00+00:00',
  passwordEnabled: true,
  passwordLastUsed: '2026-01-09T17:30:00+00:00',
  passwordLastChanged: null,
  mfaActive: false,
  accessKey1Active: false,
  accessKey1LastRotated: null,
  accessKey1LastUsedDate: null,
  accessKey2Active: false,
  accessKey2LastRotated: null,
  accessKey2LastUsedDate: null,
};

/** The credential report fact item holding these rows (and the root row). */
export function credentialReport(...rows: CredentialReportUser[]): Json {
  return factItem(CredentialReportFact, { generatedAt: '2026-11-29T07:41:12+00:00', users: [ROOT_ROW, ...rows] });
}

/** Every evaluation of an account-level control that reports per IAM user (the account is known from a header). */
export function evaluations(
  control: Control<unknown> | Control<never>,
  items: unknown[],
  options: RunOptions = {},
): Evaluation[] {
  return run(control, items, { ...options, header: true }).evaluations;
}

/** The single verdict of such a control on the developer user, found through the user's CI. */
export function developerVerdict(
  control: Control<unknown> | Control<never>,
  row: CredentialReportUser,
  options: RunOptions = {},
): Evaluation {
  const found = evaluations(control, [credentialReport(row), user()], options);
  if (found.length !== 1) throw new Error(`expected one evaluation, got ${JSON.stringify(found)}`);
  return found[0]!;
}
