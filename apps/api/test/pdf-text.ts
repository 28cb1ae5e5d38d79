import { expect } from '@jest/globals';
import { PDFParse } from 'pdf-parse';
import type TestAgent from 'supertest/lib/agent.js';

/** GETs a PDF (200, application/pdf): its text with every run of white space made one space, and its page count. */
export async function pdfText(agent: TestAgent, url: string): Promise<{ text: string; pages: number }> {
  const res = await agent
    .get(url)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const parser = new PDFParse({ data: new Uint8Array(res.body as Buffer) });
  const { text, total } = await parser.getText();
  await parser.destroy();
  return { text: text.replace(/\s+/g, ' '), pages: total };
}
