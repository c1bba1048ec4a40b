// The product version: the `claimlens` package version in Cargo.toml, which
// the core also reports. The extension and playground take theirs from here.
import { readFileSync } from 'node:fs';

export function cargoPackageVersion(cargoTomlPath) {
  const toml = readFileSync(cargoTomlPath, 'utf8');
  const packageSection = toml.split(/^\[/m).find((section) => section.startsWith('package]'));
  const version = packageSection?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) {
    throw new Error(`no [package] version in ${cargoTomlPath}`);
  }
  return version;
}
