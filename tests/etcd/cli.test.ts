/** The CLI's fuzz over the etcd lock labs: hardened with fencing survives 300 seeds of heavy faults. */
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../cli/testSupport';
import { EXIT_OK } from '../../cli/errors';

describe('sim fuzz on the etcd lock labs', () => {
  it.each(['etcd-mutex', 'etcd-txn-lock'])('%s hardened: 300 seeds of heavy faults, none failed, exit 0', async (lab) => {
    const r = await cli('fuzz', '--lab', lab, '--variant', 'hardened', '--seeds', '300', '--faults', 'heavy', '--out-dir', tempDir());
    expect(r.stdout).toContain('seeds 1..300: none failed');
    expect(r.code).toBe(EXIT_OK);
  });
});
