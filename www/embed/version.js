// The package version (tools/package.mjs checks it against Cargo.toml).
export const version = '0.1.0';
