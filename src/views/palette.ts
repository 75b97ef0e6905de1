/**
 * One palette for every view: a role (from lab.look) and a message type always get the same
 * colour, in the cluster, the timeline and the legends. The colours are mid-tones that read on
 * both the light and the dark background; `inkOn` picks the text colour for a filled shape.
 */

/** Roles the labs share; a lab's other roles get colours from FALLBACK in legend order. */
export const ROLE_COLORS: Readonly<Record<string, string>> = {
  leader: '#d9480f',
  candidate: '#9c36b5',
  follower: '#1971c2',
  ticking: '#0b7285',
  up: '#0b7285',
  holder: '#2b8a3e',
  waiting: '#1971c2',
  open: '#c92a2a',
  'half-open': '#e67700',
  closed: '#2b8a3e',
  paused: '#e67700',
  down: '#868e96',
};

const FALLBACK = ['#5f3dc4', '#0b7285', '#a61e4d', '#2b8a3e', '#1864ab', '#862e9c', '#5c940d', '#c2255c'];

/**
 * Message types the labs use, each request a strong colour and its reply a lighter one of the
 * same hue. They keep clear of the role colours they meet in the same lab (Raft's leader orange,
 * candidate purple, follower blue), so a dot is never mistaken for a node.
 */
const MESSAGE_COLORS: Readonly<Record<string, string>> = {
  ping: '#3b5bdb',
  pong: '#12b886',
  RequestVote: '#3b5bdb',
  RequestVoteReply: '#91a7ff',
  PreVote: '#0c8599',
  PreVoteReply: '#3bc9db',
  AppendEntries: '#087f5b',
  AppendEntriesReply: '#38d9a9',
  Heartbeat: '#5c940d',
  CatchUp: '#a61e4d',
  Prepare: '#c2255c',
  Promise: '#f06595',
  Accept: '#087f5b',
  Accepted: '#38d9a9',
  Nack: '#e03131',
  Learn: '#5c940d',
};

const MESSAGE_FALLBACK = ['#c2255c', '#5c940d', '#3b5bdb', '#087f5b', '#a61e4d', '#0c8599', '#7048e8', '#e67700', '#495057', '#f06595'];

/** Colours for a lab's roles, in its legend order; known roles keep their shared colour. */
export function roleColors(roles: readonly string[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const role of roles) {
    const known = ROLE_COLORS[role];
    if (known !== undefined) {
      out.set(role, known);
      used.add(known);
    }
  }
  const free = FALLBACK.filter((c) => !used.has(c));
  let next = 0;
  for (const role of roles) {
    if (out.has(role)) continue;
    out.set(role, free[next % Math.max(1, free.length)] ?? (FALLBACK[0] as string));
    next++;
  }
  return out;
}

export function roleColor(colors: ReadonlyMap<string, string>, role: string): string {
  return colors.get(role) ?? ROLE_COLORS[role] ?? '#495057';
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function messageColor(type: string): string {
  return MESSAGE_COLORS[type] ?? (MESSAGE_FALLBACK[hash(type) % MESSAGE_FALLBACK.length] as string);
}

/** Black or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // Contrast against white is (1.05)/(l+0.05), against black (l+0.05)/0.05.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#111111';
}
