/** Plain data: what node state, messages and facts are made of, so they survive structuredClone and JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
