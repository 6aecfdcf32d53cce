import { describe, expect, it } from 'vitest';
import type { RuleRow, RuleTable } from '../../src/rules/table.js';

/**
 * One test per rule row: every `hit` example must be matched by the rule, every `miss` must not.
 * `matches(rule, example)` asks the engine whether that one rule fires on the example.
 */
export function testRuleExamples<Row extends RuleRow>(table: RuleTable<Row>, matches: (rule: Row, example: string) => boolean): void {
  describe(`config/${table.name}.json`, () => {
    it('has rules', () => {
      expect(table.rules.length).toBeGreaterThan(0);
    });
    for (const rule of table.rules) {
      it(`${rule.id}: ${rule.reason}`, () => {
        for (const example of rule.examples.hit) expect(matches(rule, example), `should hit: ${example}`).toBe(true);
        for (const example of rule.examples.miss) expect(matches(rule, example), `should miss: ${example}`).toBe(false);
      });
    }
  });
}
