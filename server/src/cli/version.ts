/** The version the CLI reports (--version, SARIF's driver). */
export const VERSION = '0.1.0';
