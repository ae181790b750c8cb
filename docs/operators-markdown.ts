// docs/operators.md as text, from the operator registry (written by docs/write-operators.ts, checked by test/docs).
import { OPERATOR_CATEGORIES } from '../src/model/descriptor';
import { operatorsByCategory } from '../src/model/registry';
import { PROCESSOR_API_MARKDOWN } from './processor-api-markdown';
import { VERSIONED_SECTION } from './operators-versioned';
import type { ConnectorSpec } from '../src/model/connectors/spec';

export function operatorsMarkdown(): string {
  const lines = ['# Operators', '', 'Generated from the operator descriptors (`src/model/operators/`) by `npm run docs:operators`.', ''];
  const groups = operatorsByCategory();
  for (const cat of OPERATOR_CATEGORIES) {
    lines.push(`## ${cat}`, '');
    for (const d of groups.get(cat) ?? []) {
      if (d.connector) {
        lines.push(...connectorMarkdown(d.connector));
        continue;
      }
      lines.push(`### ${d.label}`, '', d.help, '', `Inputs: ${d.inputs.length ? d.inputs.map((p) => `\`${p.name}\` (${p.accepts.join(' | ')}${p.multiple ? ', several' : ''}${p.repeat ? `, one port per input: \`${p.name}0\`, \`${p.name}1\`, ...` : ''})`).join(', ') : 'none (source)'}. [Kafka docs](${d.docsUrl})`, '');
      if (d.paramSpecs.length) {
        lines.push('| param | control | default |', '| --- | --- | --- |');
        for (const p of d.paramSpecs) {
          const def = (d.defaults as Record<string, unknown>)[p.name];
          const c = p.control;
          const fnText = (sig: { params: { name: string }[]; returns: string }) => `\`(${sig.params.map((x) => x.name).join(', ')}) => ${sig.returns}\``;
          const control = c.type === 'function' ? `function ${fnText(c.signature)}` : c.type === 'portFunctions' ? `one function ${fnText(c.signature)} per input port` : c.type;
          lines.push(`| \`${p.name}\`${p.optional ? ' (optional)' : ''} | ${control} | ${def === undefined ? '' : `\`${JSON.stringify(def).replace(/\|/g, '\\|')}\``} |`);
        }
        lines.push('');
      }
    }
  }
  lines.push(VERSIONED_SECTION);
  lines.push(PROCESSOR_API_MARKDOWN);
  return lines.join('\n');
}

/** A connector type: its class, direction, and its config keys (required, secret, allowed values) with the palette's defaults. */
function connectorMarkdown(c: ConnectorSpec): string[] {
  const lines = [`### ${c.label} (\`${c.kind}\`)`, '', c.help, '', `\`connector.class\`: \`${c.className}\`; a ${c.direction} connector (see [connectors.md](connectors.md)). [Docs](${c.docsUrl})`, ''];
  lines.push('| key | required | default in the palette | meaning |', '| --- | --- | --- | --- |');
  for (const k of c.keys) {
    const required = k.required ? 'yes' : k.requiredWhen ? 'in some configurations' : '';
    const def = c.defaults[k.name];
    const meaning = `${k.secret ? '**secret** (`${env:NAME}`). ' : ''}${k.help}${k.options ? ` One of: ${k.options.join(', ')}.` : ''}`;
    lines.push(`| \`${k.name}\` | ${required} | ${def === undefined ? '' : `\`${def}\``} | ${meaning.replace(/\|/g, '\\|')} |`);
  }
  lines.push('');
  return lines;
}
