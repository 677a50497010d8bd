// The part of addons-linter's programmatic API the linter test uses (the package ships no types).
declare module 'addons-linter' {
  interface LinterMessage {
    code: string;
    message: string;
    file?: string;
    line?: number;
    column?: number;
  }
  interface LinterResult {
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
    summary: { errors: number; warnings: number; notices: number };
  }
  interface LinterConfig {
    _: string[];
    logLevel: string;
    stack: boolean;
    pretty: boolean;
    warningsAsErrors: boolean;
    metadata: boolean;
    output: string;
    boring: boolean;
    selfHosted: boolean;
  }
  const linter: { createInstance(o: { config: LinterConfig; runAsBinary: boolean }): { run(): Promise<LinterResult> } };
  export default linter;
}
