export declare function findChrome(): string | undefined;
export declare const CHROME_FLAGS: string[];
