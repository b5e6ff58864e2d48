/** The Node.js 22 binary in apps/config-rules/.node22 (see node22.mjs). */
export declare const NODE22: string;
/** The path of the Node 22 binary, installed on first use; throws with npm's output when it cannot be. */
export declare function installNode22(): string;
