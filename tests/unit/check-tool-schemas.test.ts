import { describe, expect, it } from 'vitest';
import type Anthropic from '@anthropic-ai/sdk';
import { lintToolSchemas } from '../../content/snippets/tool-use/check-tool-schemas.ts';
import { createRefund } from '../../content/snippets/tool-use/define-tool.ts';

const tool = (input_schema: unknown, name = 't'): Anthropic.Tool => ({ name, input_schema: input_schema as Anthropic.Tool.InputSchema });

describe('lintToolSchemas (tool-use chapter)', () => {
  it('accepts the well-designed tool shown in the chapter', () => {
    expect(lintToolSchemas([createRefund])).toEqual([]);
  });

  it('does not mistake properties named "type" or "required" for keywords', () => {
    const schema = { type: 'object', properties: { type: { type: 'string' }, required: { type: 'boolean' } }, required: ['type'] };
    expect(lintToolSchemas([tool(schema)])).toEqual([]);
  });

  it('flags draft-04/07 leftovers with the tool index and path', () => {
    const schema = {
      type: 'object',
      properties: {
        n: { type: 'number', minimum: 0, exclusiveMinimum: true },
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] },
        name: { type: 'string', required: true },
        when: { type: 'datetime' },
      },
    };
    const problems = lintToolSchemas([tool({ type: 'object' }, 'ok'), tool(schema, 'bad')]);
    expect(problems).toEqual([
      'tools.1 (bad) input_schema.properties.n.exclusiveMinimum: draft-04 boolean; must be a number',
      'tools.1 (bad) input_schema.properties.pair.items: array form is draft-07 tuple syntax; use prefixItems',
      'tools.1 (bad) input_schema.properties.name.required: must be an array of property names',
      'tools.1 (bad) input_schema.properties.when.type: "datetime" is not a JSON Schema type',
    ]);
  });

  it('requires an object at the top level', () => {
    expect(lintToolSchemas([tool({ type: 'string' })])).toEqual(['tools.0 (t): top-level input_schema must be {"type": "object", ...}']);
  });

  it('walks nested combinators', () => {
    const schema = { type: 'object', properties: { x: { anyOf: [{ type: 'string' }, { type: 'integer', exclusiveMaximum: false }] } } };
    expect(lintToolSchemas([tool(schema)])).toEqual([
      'tools.0 (t) input_schema.properties.x.anyOf[1].exclusiveMaximum: draft-04 boolean; must be a number',
    ]);
  });
});
