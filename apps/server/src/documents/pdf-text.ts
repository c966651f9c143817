import { inflateSync } from 'node:zlib';

type PdfObject = { dict: string; stream?: Buffer };

/** What a reader gets out of a PDF: the text of each page and the fonts it uses. */
export type PdfInspection = {
  /** One string per page; text runs on the same baseline are joined, lines are separated by `\n`. */
  pages: string[];
  fonts: { name: string; embeddedBytes: number }[];
};

const OBJECT = /(\d+) (\d+) obj\s*/g;

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  OBJECT.lastIndex = 0;
  for (let m = OBJECT.exec(text); m; m = OBJECT.exec(text)) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt === -1 || streamAt > endAt) {
      objects.set(Number(m[1]), { dict: text.slice(start, endAt) });
      continue;
    }
    const dict = text.slice(start, streamAt);
    // Stream bytes may contain anything, "endobj" included: trust /Length, never a search.
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
    const dataAt = streamAt + (text[streamAt + 6] === '\r' ? 8 : 7);
    const raw = pdf.subarray(dataAt, dataAt + length);
    objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
    OBJECT.lastIndex = dataAt + length;
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key}\\s+(\\d+) \\d+ R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

const refs = (list: string): number[] => [...list.matchAll(/(\d+) \d+ R/g)].map((m) => Number(m[1]));

function pageIds(objects: Map<number, PdfObject>, id: number): number[] {
  const dict = objects.get(id)?.dict ?? '';
  if (!/\/Type\s*\/Pages/.test(dict)) return [id];
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
  return refs(kids).flatMap((kid) => pageIds(objects, kid));
}

function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** Parses a ToUnicode CMap (bfchar and both bfrange forms) into code → text. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
      map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]*>)/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const dst = m[3]!;
      if (dst.startsWith('[')) {
        [...dst.matchAll(/<([0-9a-fA-F]*)>/g)].forEach((d, i) => map.set(lo + i, utf16(d[1]!)));
      } else {
        const base = parseInt(dst.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  return map;
}

type Token = { kind: 'op' | 'name' | 'num' | 'hex' | 'str' | '[' | ']'; value: string };

function* tokens(content: string): Generator<Token> {
  // Names, hex strings, literal strings, brackets, numbers, operators; the last group skips what extraction ignores.
  const re =
    /\s*(?:(\/[^\s/[\]()<>]+)|(<[0-9a-fA-F\s]*>)|(\((?:\\.|[^\\)])*\))|([[\]])|([-+]?[\d.]+)|([A-Za-z'"*]+)|(<<|>>|\{|\}|%[^\n]*|\S))/gy;
  for (let m = re.exec(content); m && m[0]; m = re.exec(content)) {
    if (m[1]) yield { kind: 'name', value: m[1].slice(1) };
    else if (m[2]) yield { kind: 'hex', value: m[2].slice(1, -1).replace(/\s/g, '') };
    else if (m[3]) yield { kind: 'str', value: m[3].slice(1, -1) };
    else if (m[4]) yield { kind: m[4] as '[' | ']', value: m[4] };
    else if (m[5]) yield { kind: 'num', value: m[5] };
    else if (m[6]) yield { kind: 'op', value: m[6] };
  }
}

/** Decodes one page's content streams into lines of text through the fonts' ToUnicode maps. */
function pageText(content: string, fonts: Map<string, Map<number, string>>): string {
  const lines: string[] = [];
  let line = '';
  let lineY: number | undefined;
  let font: Map<number, string> | undefined;
  let operands: Token[] = [];
  const show = (t: Token) => {
    if (t.kind === 'hex') {
      for (let i = 0; i + 4 <= t.value.length; i += 4)
        line += font?.get(parseInt(t.value.slice(i, i + 4), 16)) ?? '\uFFFD';
    } else if (t.kind === 'str') line += t.value;
  };
  const moveTo = (y: number) => {
    if (lineY !== undefined && Math.abs(y - lineY) > 0.5 && line) {
      lines.push(line);
      line = '';
    }
    lineY = y;
  };
  for (const t of tokens(content)) {
    if (t.kind !== 'op') {
      operands.push(t);
      continue;
    }
    const nums = operands.filter((o) => o.kind === 'num').map((o) => Number(o.value));
    if (t.value === 'Tf') font = fonts.get(operands.find((o) => o.kind === 'name')?.value ?? '');
    else if (t.value === 'Tm') moveTo(nums[5] ?? 0);
    else if (t.value === 'Td' || t.value === 'TD') moveTo((lineY ?? 0) + (nums[1] ?? 0));
    else if (t.value === 'Tj' || t.value === 'TJ' || t.value === "'" || t.value === '"') operands.forEach(show);
    operands = [];
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * Extracts text and font facts from a PDF without native tools, for tests of generated documents. Handles what PDFKit
 * writes (Flate streams, Type0 fonts with ToUnicode CMaps, two-byte codes); not a general PDF reader.
 */
export function inspectPdf(pdf: Buffer): PdfInspection {
  const objects = parseObjects(pdf);
  const trailer = pdf.toString('latin1', pdf.lastIndexOf('trailer'));
  const root = objects.get(ref(trailer, 'Root') ?? -1)?.dict ?? '';
  const fontMaps = new Map<number, Map<number, string>>();
  const fontMap = (id: number) => {
    let map = fontMaps.get(id);
    if (!map) {
      const toUnicode = objects.get(ref(objects.get(id)?.dict ?? '', 'ToUnicode') ?? -1)?.stream;
      map = toUnicode ? parseCMap(toUnicode.toString('latin1')) : new Map();
      fontMaps.set(id, map);
    }
    return map;
  };
  const pages = pageIds(objects, ref(root, 'Pages') ?? -1).map((id) => {
    const dict = objects.get(id)?.dict ?? '';
    const resources = objects.get(ref(dict, 'Resources') ?? -1)?.dict ?? dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/(\S+)\s+(\d+) \d+ R/g)].map((m) => [m[1]!, fontMap(Number(m[2]))]));
    const contentRefs = /\/Contents\s*\[([^\]]*)\]/.exec(dict)?.[1];
    const ids = contentRefs ? refs(contentRefs) : [ref(dict, 'Contents') ?? -1];
    const content = ids.map((c) => objects.get(c)?.stream?.toString('latin1') ?? '').join('\n');
    return pageText(content, fonts);
  });
  const fonts = [...objects.values()]
    .filter((o) => /\/Type\s*\/FontDescriptor/.test(o.dict))
    .map((o) => {
      const file = ref(o.dict, 'FontFile2') ?? ref(o.dict, 'FontFile3') ?? ref(o.dict, 'FontFile');
      return {
        name: /\/FontName\s*\/(\S+)/.exec(o.dict)?.[1] ?? '',
        embeddedBytes: file === undefined ? 0 : (objects.get(file)?.stream?.length ?? 0),
      };
    });
  return { pages, fonts };
}
