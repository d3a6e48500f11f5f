/** Types of scripts/build-server.mjs (plain JavaScript so bin/merit.js can run it without tsx). */
export declare const ROOT: string;
export declare const OUT_DIR: string;
export declare const ENTRY: string;
export declare const OUT_FILE: string;
export declare function serverBuildState(): { state: 'fresh' | 'missing' | 'stale'; reason: string };
export declare function buildServer(opts?: { quiet?: boolean }): Promise<number>;
