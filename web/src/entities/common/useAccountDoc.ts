import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import { useAccountId } from '../../api/queries';
import { documentSchema, type Doc } from '../../api/types';

export const accountDocKey = (accountId: string) => ['account-doc', accountId] as const;

/** The account document the screens work in: its realm (SIP credentials), time zone (schedules) and settings. */
export function useAccountDoc() {
  const accountId = useAccountId();
  return useQuery({
    queryKey: accountDocKey(accountId),
    queryFn: ({ signal }) => request('GET', `/accounts/${accountId}`, documentSchema, { signal })
      .then((env) => ({ doc: env.data as Doc, revision: env.revision ?? null })),
  });
}
