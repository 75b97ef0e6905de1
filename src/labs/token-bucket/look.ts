/** How the token bucket looks: full, refilling or empty, with its level. */
import type { BucketNodeState } from '../../protocols/traffic';
import type { NodeLook } from '../contract/look';
import { BACKEND_ROLES, CLIENT_ROLES, lookWith } from '../traffic/look';

export const TOKEN_BUCKET_ROLES = [...CLIENT_ROLES, 'full', 'refilling', 'empty', ...BACKEND_ROLES, 'paused', 'down'] as const;

function bucketLook(s: BucketNodeState): NodeLook {
  const detail = `${Math.floor(s.bucket.tokens * 10) / 10}/${s.config.capacity} tokens · ${s.allowed} allowed · ${s.rejected} rejected`;
  if (s.bucket.tokens < 1) return { role: 'empty', detail };
  return { role: s.bucket.tokens >= s.config.capacity ? 'full' : 'refilling', detail };
}

export const tokenBucketLook = lookWith(['token-bucket'], bucketLook, { role: 'full', detail: '' });
