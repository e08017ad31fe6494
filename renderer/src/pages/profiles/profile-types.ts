// Types of the profile channels, named for the pages.
import type { ChannelInput, ChannelOutput } from '../../../../shared/api';
import type { ProfileRow } from '../../../../shared/contract/screening';

export type ProfileKind = ProfileRow['kind'];
export type ProfilesQuery = ChannelInput<'profiles.list'>;
export type ProfileSortBy = NonNullable<ProfilesQuery['sortBy']>;
export type SortDir = NonNullable<ProfilesQuery['sortDir']>;
export type ProfileDetail = ChannelOutput<'profiles.get'>;

export const KIND_LABEL: Record<ProfileKind, string> = { applicant: '申请人', agency: '代理机构' };
