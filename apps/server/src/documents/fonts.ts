import { createRequire } from 'node:module';

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
const FILES = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
} as const;

/** Weights of Noto Sans SC that official documents use. */
export type CjkFontWeight = keyof typeof FILES;

const require = createRequire(import.meta.url);
const cache = new Map<CjkFontWeight, string>();

/**
 * Absolute path of the Noto Sans SC TrueType file for a weight. Throws a message naming the missing package, because
 * without it every notice would print as empty boxes instead of Chinese.
 */
export function cjkFontPath(weight: CjkFontWeight): string {
  const hit = cache.get(weight);
  if (hit) return hit;
  const request = `${FONT_PACKAGE}/${FILES[weight]}`;
  let path: string;
  try {
    path = require.resolve(request);
  } catch (cause) {
    throw new Error(
      `Chinese font not found: ${request}. Install ${FONT_PACKAGE} in apps/server (npm install -w apps/server ${FONT_PACKAGE}).`,
      { cause },
    );
  }
  cache.set(weight, path);
  return path;
}
