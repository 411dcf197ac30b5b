/**
 * A strict XML parse for tests (sax in strict mode, as installed with the dev tools): throws on any
 * well-formedness error and returns the element tree.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sax = require('sax') as {
  parser(strict: boolean, options: Record<string, unknown>): {
    onerror: (error: Error) => void;
    onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
    onclosetag: () => void;
    ontext: (text: string) => void;
    write(text: string): { close(): void };
  };
};

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

export function parseXml(text: string): XmlElement {
  const parser = sax.parser(true, { xmlns: false, position: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.onerror = (error) => {
    failure ??= error;
    throw error;
  };
  parser.onopentag = (node) => {
    const element: XmlElement = { name: node.name, attributes: { ...node.attributes }, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (chunk) => {
    stack[stack.length - 1].text += chunk;
  };
  parser.write(text).close();
  if (failure) throw failure;
  if (stack.length !== 1) throw new Error('unclosed elements');
  if (root.children.length !== 1) throw new Error(`expected one root element, got ${root.children.length}`);
  return root.children[0];
}

/** Every element named `name` below (and including) `element`. */
export function elements(element: XmlElement, name: string): XmlElement[] {
  const found = element.name === name ? [element] : [];
  for (const child of element.children) found.push(...elements(child, name));
  return found;
}
