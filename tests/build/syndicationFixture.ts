/** A content folder compiled as the build compiles it, and read back through a ReadDocument, as the build reads its staging folder. */
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { compiledDocuments } from '../../build/compiledDocuments.ts';
import { loadContent } from '../../build/load.ts';
import type { ReadDocument } from '../../src/model/prerender.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export async function compiledFolder(folder: string) {
  const output = await loadContent(resolve(ROOT, folder), 'strict');
  if (output.problems.length > 0) throw new Error(`${folder} is invalid: ${JSON.stringify(output.problems)}`);
  const readDocument: ReadDocument = (path) => Promise.resolve(output.documents.get(path));
  return { output, readDocument, documents: compiledDocuments(readDocument) };
}

/** Files written at their site paths, kept in memory. */
export function memoryWriter() {
  const files = new Map<string, string>();
  return { files, write: (path: string, text: string) => void files.set(path, text) };
}

const { DOMParser } = new JSDOM('').window;

/** Parses XML strictly; a document that is not well-formed fails the test with the parser's message. */
export function parseXml(text: string, name = 'document'): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${name} is not well-formed XML: ${error.textContent ?? ''}`);
  return document;
}

/** The direct children of `parent` with a qualified name (`item`, `dc:creator`). */
export const childrenNamed = (parent: Element, name: string) => [...parent.children].filter((c) => c.tagName === name);
export const childText = (parent: Element, name: string) => childrenNamed(parent, name)[0]?.textContent ?? undefined;
