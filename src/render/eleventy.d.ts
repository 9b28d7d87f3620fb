declare module "@11ty/eleventy" {
  /** The part of Eleventy's programmatic API that clinic-pages uses. */
  export default class Eleventy {
    constructor(
      input: string,
      output: string,
      options?: {
        quietMode?: boolean;
        configPath?: string;
        config?: (eleventyConfig: {
          addGlobalData(name: string, value: unknown): void;
          setUseGitIgnore(use: boolean): void;
        }) => void;
      },
    );
    write(): Promise<unknown>;
  }
}
