// The extension's analysis types are generated from src/analysis.rs: the
// checked-in file must be what the generator makes of today's contract, and
// the generator must read the Rust the contract uses the way serde writes it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONTRACT_RS, ContractError, GENERATED_TS, generate } from '../../scripts/gen-analysis-types.mjs';

describe('analysis contract types', () => {
  it('extension/src/analysis.generated.ts is up to date with src/analysis.rs (run node scripts/gen-analysis-types.mjs)', () => {
    assert.equal(readFileSync(GENERATED_TS, 'utf8'), generate(readFileSync(CONTRACT_RS, 'utf8')));
  });

  it('carries the time and quantity fields the hand-written types had lost', () => {
    const generated = readFileSync(GENERATED_TS, 'utf8');
    const block = (name) => generated.slice(generated.indexOf(`export interface ${name} {`)).split('\n}')[0];
    for (const field of ['kind?: TimeKind | null;', 'unresolved?: TimeUnresolved | null;']) {
      assert.ok(block('TimeRef').includes(field), `TimeRef lacks ${field}`);
    }
    assert.match(generated, /export type TimeKind =[^;]*\| 'event_relative'/);
    assert.match(generated, /export type QuantityModifier =[^;]*\| 'more_than'/);
    for (const field of ['kind?: QuantityKind | null;', 'upper?: number | null;', 'modifier?: QuantityModifier | null;']) {
      assert.ok(block('Quantity').includes(field), `Quantity lacks ${field}`);
    }
  });

  it('carries the codes the extension words notices, attribution notes and the comment finding from', () => {
    const generated = readFileSync(GENERATED_TS, 'utf8');
    const block = (name) => generated.slice(generated.indexOf(`export interface ${name} {`)).split('\n}')[0];
    assert.ok(block('Analysis').includes('notice_items?: Notice[];'), 'Analysis.notice_items');
    assert.ok(block('Sourcing').includes('attribution?: AttributionNote | null;'), 'Sourcing.attribution');
    assert.ok(block('Quote').includes('attribution?: AttributionNote | null;'), 'Quote.attribution');
    assert.ok(block('Comments').includes('finding_parts?: CommentFinding | null;'), 'Comments.finding_parts');
    // Re-exported from the stages that own them, generated like the contract's own types.
    const union = (name) => generated.slice(generated.indexOf(`export type ${name} =`)).split(/';\n/)[0];
    assert.ok(union('AttributionCode').includes("| 'shared_surname_undecided"), 'AttributionCode');
    assert.ok(union('NoticeCode').includes("| 'page_elements_cut'"), 'NoticeCode');
    assert.ok(block('CommentFinding').includes('near_copies: boolean;'));
  });

  it('maps structs, Option, Vec, serde(default), renames and unit enums as serde writes them', () => {
    const rust = [
      'use serde::{Deserialize, Serialize};',
      'pub const SCHEMA: &str = "x@1";',
      '/// A thing.',
      '#[derive(Debug, Serialize, Deserialize)]',
      'pub struct Thing {',
      '    /// Its name.',
      '    pub name: String,',
      '    pub count: u32,',
      '    pub ratio: Option<f32>,',
      '    pub tags: Vec<Option<String>>,',
      '    #[serde(default)]',
      '    pub parts: Vec<Part>,',
      '    #[serde(rename = "type")]',
      '    pub kind: ThingKind,',
      '    #[serde(skip)]',
      '    pub cache: Vec<u8>,',
      '    pub lookup: std::collections::BTreeMap<String, Vec<u32>>,',
      '}',
      '#[derive(Serialize)]',
      '#[serde(rename_all = "snake_case")]',
      'pub enum ThingKind {',
      '    /// The first.',
      '    NearDuplicate,',
      '    #[default]',
      '    Template,',
      '}',
      'pub struct Part(pub u32);',
    ].join('\n');
    const ts = generate(rust);
    assert.match(ts, /export const SCHEMA = 'x@1';/);
    assert.match(ts, /\/\*\* A thing\. \*\/\nexport interface Thing \{/);
    assert.match(ts, /  \/\*\* Its name\. \*\/\n  name: string;/);
    assert.match(ts, /  count: number;/);
    assert.match(ts, /  ratio: number \| null;/);
    assert.match(ts, /  tags: \(string \| null\)\[\];/);
    assert.match(ts, /  parts\?: Part\[\];/);
    assert.match(ts, /  type: ThingKind;/);
    assert.doesNotMatch(ts, /cache/);
    assert.match(ts, /  lookup: Record<string, number\[\]>;/);
    assert.match(ts, /export type ThingKind =\n  \/\*\* The first\. \*\/\n  \| 'near_duplicate'\n  \| 'template';/);
    assert.match(ts, /export type Part = number;/);
  });

  it('passes over code (impls, functions, test modules) between the data types', () => {
    const rust = [
      'pub struct A {',
      '    pub x: u32,',
      '}',
      'impl A {',
      '    pub fn new() -> Self {',
      '        Self { x: "}".len() as u32 }',
      '    }',
      '}',
      '#[cfg(test)]',
      'mod tests {',
      '    #[test]',
      '    fn t() {}',
      '}',
      'pub struct B {',
      '    pub y: bool,',
      '}',
    ].join('\n');
    const ts = generate(rust);
    assert.match(ts, /export interface A \{\n  x: number;\n\}/);
    assert.match(ts, /export interface B \{\n  y: boolean;\n\}/);
    assert.doesNotMatch(ts, /new|len/);
  });

  it('reads re-exported types from the module that owns them, under their alias', () => {
    const modules = {
      'crate::segment::times': [
        'use crate::spans::ByteSpan;',
        '/// Serialized as its name.',
        '#[derive(Debug, serde::Serialize)]',
        '#[serde(rename_all = "snake_case")]',
        'pub enum Unresolved {',
        '    /// No date.',
        '    NoPublishedDate,',
        '    Vague,',
        '}',
        'impl Unresolved {',
        '    pub fn as_str(self) -> &\'static str { "x" }',
        '}',
      ].join('\n'),
    };
    const rust = ['pub use crate::segment::times::{Unresolved as TimeUnresolved};', 'pub struct T {', '    pub why: Option<TimeUnresolved>,', '}'].join('\n');
    const ts = generate(rust, (path) => modules[path]);
    assert.match(ts, /\/\*\* Serialized as its name\. \*\/\nexport type TimeUnresolved =\n  \/\*\* No date\. \*\/\n  \| 'no_published_date'\n  \| 'vague';/);
    assert.match(ts, /why: TimeUnresolved \| null;/);
    assert.throws(() => generate('pub use crate::segment::times::Missing;', () => modules['crate::segment::times']), ContractError);
  });

  it('refuses what it cannot express instead of writing it wrong', () => {
    assert.throws(() => generate('pub enum Tagged {\n    Text(String),\n}'), ContractError);
    assert.throws(() => generate('#[serde(tag = "type")]\npub enum Tagged {\n    A,\n}'), ContractError);
    assert.throws(() => generate('pub struct S {\n    pub f: (u32, u32),\n}'), ContractError);
    assert.throws(() => generate('#[serde(flatten)]\npub struct S {\n    pub f: u32,\n}'), ContractError);
  });
});
