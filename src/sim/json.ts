/** Plain data: what node state, messages and facts are made of, so they survive structuredClone and JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * Plain data as a protocol's own types declare it, readonly all the way down. Every `Json` value is
 * one; a type that extends `ReadonlyJsonObject` is checked by the compiler to be plain data.
 */
export type ReadonlyJson = null | boolean | number | string | readonly ReadonlyJson[] | { readonly [key: string]: ReadonlyJson };
export type ReadonlyJsonObject = { readonly [key: string]: ReadonlyJson };
