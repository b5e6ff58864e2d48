import { AccountClient, type AlternateContactType, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { AlternateContactsFact } from '@rampart/core';
import { isNotFound } from '../errors.js';
import type { ServiceReader } from '../reader.js';

type Contact = { name: string; title: string | null; emailAddress: string; phoneNumber: string | null } | null;

export const accountReader: ServiceReader = {
  service: 'account',
  scope: 'global',
  resourceTypes: [],
  factTypes: [AlternateContactsFact.type],
  async read(ctx) {
    const account = ctx.clients.get(AccountClient, 'account', ctx.apiRegion);
    const contact = async (type: AlternateContactType): Promise<Contact> => {
      try {
        const c = (await account.send(new GetAlternateContactCommand({ AlternateContactType: type }))).AlternateContact;
        if (c === undefined) return null;
        return {
          name: c.Name ?? '',
          title: c.Title ?? null,
          emailAddress: c.EmailAddress ?? '',
          phoneNumber: c.PhoneNumber ?? null,
        };
      } catch (error) {
        // ResourceNotFoundException means "no contact of this type is set".
        if (isNotFound(error, ['ResourceNotFoundException'])) return null;
        throw error;
      }
    };
    await ctx.attempt('GetAlternateContact', [AlternateContactsFact.type], async () => {
      const [security, operations, billing] = await Promise.all([
        contact('SECURITY'),
        contact('OPERATIONS'),
        contact('BILLING'),
      ]);
      ctx.fact(AlternateContactsFact, { security, operations, billing });
    });
  },
};
