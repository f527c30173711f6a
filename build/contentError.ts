/** Content problems, already printed one a line (build/failures.ts tells them from other failures by name). */
export class ContentError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(`${lines.length} content problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'ContentError';
    this.lines = lines;
  }
}
