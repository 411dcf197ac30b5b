/**
 * A strict XML parse for tests, with fast-xml-parser: its validator throws on any well-formedness
 * error (with line and column), then the document is parsed in order into a small element tree.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

/** One node of fast-xml-parser's ordered output: `{ tag: [children], ':@': attributes }` or `{ '#text': text }`. */
type OrderedNode = Record<string, unknown>;

const ATTRIBUTES = ':@';
const TEXT = '#text';

function toElement(node: OrderedNode): XmlElement | string | undefined {
  if (TEXT in node) return String(node[TEXT]);
  const name = Object.keys(node).find((key) => key !== ATTRIBUTES);
  if (name === undefined || name.startsWith('?')) return undefined;
  const element: XmlElement = { name, attributes: { ...((node[ATTRIBUTES] as Record<string, string> | undefined) ?? {}) }, children: [], text: '' };
  for (const child of (node[name] as OrderedNode[]) ?? []) {
    const converted = toElement(child);
    if (typeof converted === 'string') element.text += converted;
    else if (converted) element.children.push(converted);
  }
  return element;
}

export function parseXml(text: string): XmlElement {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, trimValues: false, processEntities: true });
  const roots = (parser.parse(text) as OrderedNode[]).map(toElement).filter((node): node is XmlElement => typeof node === 'object');
  if (roots.length !== 1) throw new Error(`expected one root element, got ${roots.length}`);
  return roots[0];
}

/** Every element named `name` below (and including) `element`. */
export function elements(element: XmlElement, name: string): XmlElement[] {
  const found = element.name === name ? [element] : [];
  for (const child of element.children) found.push(...elements(child, name));
  return found;
}
